package dev.claudeproxy.adapters.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claudeproxy.application.port.out.ClaudeRunner;
import dev.claudeproxy.application.port.out.ClaudeTurn;
import dev.claudeproxy.application.port.out.TurnRequest;
import dev.claudeproxy.domain.turn.FailureKind;
import dev.claudeproxy.domain.turn.TurnEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Runs each turn as a {@code claude} subprocess speaking stream-json (cli-protocol/README.md). */
public final class CliClaudeRunner implements ClaudeRunner, AutoCloseable {

    private final CliSettings settings;
    private final Set<CliTurn> live = ConcurrentHashMap.newKeySet();
    private final ObjectMapper mapper = new ObjectMapper();
    private final StdinMessages stdin = new StdinMessages(mapper);

    public CliClaudeRunner(CliSettings settings) {
        this.settings = settings;
    }

    @Override
    public ClaudeTurn start(TurnRequest request) {
        if (settings.executable().isEmpty()) {
            return CliTurn.failed(TurnEvent.Failed.of(FailureKind.CLI_UNAVAILABLE,
                    "Claude Code CLI not found: set CLAUDE_PROXY_CLAUDE_PATH or put `claude` on the PATH."));
        }
        Path executable = settings.executable().get();
        ProcessBuilder builder = new ProcessBuilder(CliArguments.forTurn(executable.toString(), request))
                .directory(settings.workingDirectory().toFile());
        CliEnvironment.apply(builder.environment(), settings);
        try {
            Files.createDirectories(settings.workingDirectory());
            Process process = builder.start();
            CliTurn turn = CliTurn.start(process, new StreamJsonDecoder(mapper, request.partialMessages()),
                    stdin.forTurn(request), settings.exitGrace());
            live.add(turn);
            process.onExit().thenRun(() -> live.remove(turn));
            return turn;
        } catch (IOException e) {
            return CliTurn.failed(TurnEvent.Failed.of(FailureKind.CLI_UNAVAILABLE,
                    "Claude Code CLI could not be started (" + executable + "): " + e.getMessage()));
        }
    }

    /** The transcripts the CLI keeps for persisted sessions, where this runner's CLI keeps them. */
    public CliTranscripts transcripts() {
        Map<String, String> effective = new HashMap<>(System.getenv());
        CliEnvironment.apply(effective, settings);
        return new CliTranscripts(CliTranscripts.configDir(effective));
    }

    /** How many CLI processes are running now. */
    public int liveProcesses() {
        return live.size();
    }

    /** Cancels every turn whose CLI still runs, killing it with its children: no CLI outlives the server. */
    @Override
    public void close() {
        List.copyOf(live).forEach(CliTurn::cancel);
    }
}
