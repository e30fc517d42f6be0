package dev.claudeproxy.adapters.cli.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claudeproxy.adapters.cli.CliClaudeRunner;
import dev.claudeproxy.adapters.cli.CliSettings;
import dev.claudeproxy.adapters.cli.LiveSettings;
import dev.claudeproxy.adapters.cli.WarmSettings;
import dev.claudeproxy.adapters.cli.testkit.FakeUpstream;
import dev.claudeproxy.adapters.cli.testkit.RealCli;
import dev.claudeproxy.adapters.cli.testkit.RecordedRequest;
import dev.claudeproxy.adapters.cli.testkit.UpstreamReply;
import dev.claudeproxy.application.port.out.ClaudeRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The contract's world with the real CLI, talking to a scripted fake Anthropic API on 127.0.0.1. */
public final class RealCliWorld implements CliWorld {

    private final FakeUpstream upstream;
    private final CliClaudeRunner runner;
    private final LiveSettings live;

    public RealCliWorld(Path dir) {
        this(dir, WarmSettings.off());
    }

    /** With {@code warm} processes started ahead of need (and, when on, one of each kind the contract runs waiting). */
    public RealCliWorld(Path dir, WarmSettings warm) {
        this(dir, warm, LiveSettings.off());
    }

    /** With {@code warm} processes and {@code live} conversations as given. */
    public RealCliWorld(Path dir, WarmSettings warm, LiveSettings live) {
        Path cli = RealCli.executable().orElseThrow(() -> new AssertionError(RealCli.INSTALL_HINT));
        this.upstream = FakeUpstream.start();
        this.live = live;
        this.runner = new CliClaudeRunner(new CliSettings(Optional.of(cli), dir.resolve("work"),
                RealCli.isolatedEnv(dir, upstream.baseUrl()), 1, Duration.ofSeconds(5), warm, live));
        WarmWorlds.warmUp(runner, warm);
    }

    @Override
    public CliClaudeRunner cliRunner() {
        return runner;
    }

    public FakeUpstream upstream() {
        return upstream;
    }

    @Override
    public ClaudeRunner runner() {
        return runner;
    }

    @Override
    public void nextReplyText(String... deltas) {
        upstream.enqueue(UpstreamReply.text(deltas));
    }

    @Override
    public void nextReplyThinking(String thinking, String... deltas) {
        upstream.enqueue(UpstreamReply.thinkingThenText(thinking, deltas));
    }

    @Override
    public void nextReplyUpstreamError(int status, String type, String message) {
        // the CLI retries once (CLAUDE_CODE_MAX_RETRIES=1): fail both attempts
        upstream.enqueue(UpstreamReply.error(status, type, message));
        upstream.enqueue(UpstreamReply.error(status, type, message));
    }

    @Override
    public void nextReplyHangs() {
        upstream.enqueue(UpstreamReply.stallThenText(Duration.ofMinutes(5), "never"));
    }

    @Override
    public void nextRunResumesUnknownSession(String sessionId) {
        // nothing to script: the real CLI finds no transcript for a random id
    }

    @Override
    public List<ProcessHandle> turnProcesses() {
        return Turns.withDescendants(runner.turnProcessIds());
    }

    @Override
    public List<String> argvOf(long pid) {
        return Turns.argv(pid); // the real CLI is still waiting for the model when the turn's first event arrives
    }

    @Override
    public boolean liveConversations() {
        return live.enabled();
    }

    @Override
    public Optional<String> conversationSeen() {
        List<RecordedRequest> requests = upstream.requests();
        return requests.isEmpty() ? Optional.empty()
                : Optional.of(requests.getLast().body().path("messages").toString());
    }

    @Override
    public Seen lastSeen() {
        List<RecordedRequest> requests = upstream.requests();
        if (requests.isEmpty()) {
            throw new AssertionError("the CLI sent no request upstream");
        }
        JsonNode body = requests.getLast().body();
        List<String> system = new ArrayList<>();
        for (JsonNode block : body.path("system")) {
            system.add(block.path("text").asText());
        }
        String user = null;
        for (JsonNode message : body.path("messages")) {
            if ("user".equals(message.path("role").asText())) {
                user = message.path("content").toString();
            }
        }
        return new Seen(String.join("\n", system), user);
    }

    @Override
    public void close() {
        runner.close();
        upstream.close();
    }
}
