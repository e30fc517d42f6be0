package dev.claudeproxy.adapters.cli.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claudeproxy.adapters.cli.CliClaudeRunner;
import dev.claudeproxy.adapters.cli.CliSettings;
import dev.claudeproxy.adapters.cli.LiveSettings;
import dev.claudeproxy.adapters.cli.WarmSettings;
import dev.claudeproxy.adapters.cli.testkit.Scenario;
import dev.claudeproxy.adapters.cli.testkit.ScriptedCli;
import dev.claudeproxy.application.port.out.ClaudeRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The contract's world with the scripted fake CLI: scenarios say what a run prints. */
public final class ScriptedCliWorld implements CliWorld {

    private final ScriptedCli cli;
    private final CliClaudeRunner runner;
    private final LiveSettings live;
    private final ObjectMapper mapper = new ObjectMapper();

    public ScriptedCliWorld(Path dir) {
        this(dir, WarmSettings.off());
    }

    /** With {@code warm} processes started ahead of need (and, when on, one of each kind the contract runs waiting). */
    public ScriptedCliWorld(Path dir, WarmSettings warm) {
        this(dir, warm, LiveSettings.off());
    }

    /** With {@code warm} processes and {@code live} conversations as given. */
    public ScriptedCliWorld(Path dir, WarmSettings warm, LiveSettings live) {
        this.cli = ScriptedCli.install(dir.resolve("cli"));
        this.live = live;
        this.runner = new CliClaudeRunner(new CliSettings(Optional.of(cli.executable()), dir.resolve("work"),
                cli.environment(), 1, Duration.ofSeconds(5), warm, live));
        WarmWorlds.warmUp(runner, warm);
    }

    @Override
    public CliClaudeRunner cliRunner() {
        return runner;
    }

    public ScriptedCli cli() {
        return cli;
    }

    @Override
    public ClaudeRunner runner() {
        return runner;
    }

    @Override
    public void nextReplyText(String... deltas) {
        cli.enqueue(Scenario.text(deltas));
    }

    @Override
    public void nextReplyThinking(String thinking, String... deltas) {
        cli.enqueue(Scenario.thinkingThenText(thinking, deltas));
    }

    @Override
    public void nextReplyUpstreamError(int status, String type, String message) {
        cli.enqueue(Scenario.upstreamError(status, type, "API Error: " + status + " " + message));
    }

    @Override
    public void nextReplyHangs() {
        cli.enqueue(Scenario.hangAfterStart());
    }

    @Override
    public void nextRunResumesUnknownSession(String sessionId) {
        cli.enqueue(Scenario.resumeNotFound(sessionId));
    }

    @Override
    public List<ProcessHandle> turnProcesses() {
        return Turns.withDescendants(runner.turnProcessIds());
    }

    @Override
    public List<String> argvOf(long pid) {
        // as the fake recorded it: there even if the process is already gone
        return cli.starts().stream().filter(i -> i.pid() == pid).findFirst().orElseThrow().argv();
    }

    @Override
    public boolean liveConversations() {
        return live.enabled();
    }

    @Override
    public Optional<String> conversationSeen() {
        return Optional.empty();
    }

    @Override
    public Seen lastSeen() {
        String system = null;
        String user = null;
        for (String line : cli.lastInvocation().stdin()) {
            JsonNode node = read(line);
            if ("control_request".equals(node.path("type").asText())) {
                system = node.path("request").path("systemPrompt").path(0).asText();
            } else if ("user".equals(node.path("type").asText())) { // a live process gets one per turn: the last
                user = node.path("message").path("content").toString();
            }
        }
        return new Seen(system, user);
    }

    private JsonNode read(String line) {
        try {
            return mapper.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("the fake CLI got a line that is not JSON: " + line, e);
        }
    }

    @Override
    public void close() {
        runner.close(); // kills processes still waiting for a turn; the scripted CLI lives in the test's temp dir
    }
}
