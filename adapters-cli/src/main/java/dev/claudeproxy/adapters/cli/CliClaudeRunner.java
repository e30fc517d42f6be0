package dev.claudeproxy.adapters.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.claudeproxy.application.port.out.ClaudeRunner;
import dev.claudeproxy.application.port.out.ClaudeTurn;
import dev.claudeproxy.application.port.out.TurnRequest;
import dev.claudeproxy.domain.message.ModelTier;
import dev.claudeproxy.domain.turn.FailureKind;
import dev.claudeproxy.domain.turn.TurnEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Runs each turn as a {@code claude} subprocess speaking stream-json (cli-protocol/README.md). */
public final class CliClaudeRunner implements ClaudeRunner, AutoCloseable {

    private final CliSettings settings;
    private final Set<CliTurn> live = ConcurrentHashMap.newKeySet();
    private final ObjectMapper mapper = new ObjectMapper();
    private final StdinMessages stdin = new StdinMessages(mapper);
    private final WarmProcesses warm;

    public CliClaudeRunner(CliSettings settings) {
        this.settings = settings;
        this.warm = settings.warm().enabled() && settings.executable().isPresent()
                ? new WarmProcesses(this::startWarm, settings.warm()) : null;
    }

    @Override
    public ClaudeTurn start(TurnRequest request) {
        if (settings.executable().isEmpty()) {
            return CliTurn.failed(TurnEvent.Failed.of(FailureKind.CLI_UNAVAILABLE,
                    "Claude Code CLI not found: set CLAUDE_PROXY_CLAUDE_PATH or put `claude` on the PATH."));
        }
        Path executable = settings.executable().get();
        try {
            Optional<Process> waiting = warm == null ? Optional.empty() : WarmKey.of(request).flatMap(warm::take);
            Process process = waiting.isPresent() ? waiting.get()
                    : start(CliArguments.forTurn(executable.toString(), request));
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

    private Process start(List<String> argv) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(argv).directory(settings.workingDirectory().toFile());
        CliEnvironment.apply(builder.environment(), settings);
        Files.createDirectories(settings.workingDirectory());
        return builder.start();
    }

    private Process startWarm(WarmKey key) throws IOException {
        return start(CliArguments.forWarm(settings.executable().orElseThrow().toString(), key));
    }

    /**
     * Has a process for turns of this kind (thinking off, not resumed) started and waiting, so the next such turn
     * skips the CLI's start-up; does nothing when warm processes are off.
     */
    public void warmUp(ModelTier tier, boolean partialMessages, boolean persistSession) {
        if (warm != null) {
            warm.warm(new WarmKey(tier, partialMessages, persistSession));
        }
    }

    /** How many started processes wait for a turn, and how many turns found one or did not. */
    public WarmStats warmStats() {
        return warm == null ? new WarmStats(0, 0, 0)
                : new WarmStats(warm.waitingCount(), warm.hits(), warm.misses());
    }

    /** The transcripts the CLI keeps for persisted sessions, where this runner's CLI keeps them. */
    public CliTranscripts transcripts() {
        Map<String, String> effective = new HashMap<>(System.getenv());
        CliEnvironment.apply(effective, settings);
        return new CliTranscripts(CliTranscripts.configDir(effective));
    }

    /** The process ids of the CLIs running turns now (not those waiting for one). */
    public List<Long> turnProcessIds() {
        return live.stream().map(CliTurn::pid).toList();
    }

    /** The process ids of the CLIs started ahead of need, waiting for a turn. */
    public List<Long> waitingProcessIds() {
        return warm == null ? List.of() : warm.waitingPids();
    }

    /** How many CLI processes are running now. */
    public int liveProcesses() {
        return live.size();
    }

    /** Cancels every turn whose CLI still runs, killing it with its children: no CLI outlives the server. */
    @Override
    public void close() {
        if (warm != null) {
            warm.close();
        }
        List.copyOf(live).forEach(CliTurn::cancel);
    }
}
