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

/**
 * Runs turns in {@code claude} subprocesses speaking stream-json (cli-protocol/README.md): each in a new process, in
 * one started ahead of need (warm), or, for a resumed session, in the process that ran its last turn (live).
 */
public final class CliClaudeRunner implements ClaudeRunner, AutoCloseable {

    private final CliSettings settings;
    private final Set<CliTurn> running = ConcurrentHashMap.newKeySet();
    private final ObjectMapper mapper = new ObjectMapper();
    private final StdinMessages stdin = new StdinMessages(mapper);
    private final WarmProcesses warm;
    private final LiveConversations live;
    private volatile boolean closed;

    public CliClaudeRunner(CliSettings settings) {
        this.settings = settings;
        boolean runnable = settings.executable().isPresent();
        this.warm = settings.warm().enabled() && runnable ? new WarmProcesses(this::startWarm, settings.warm()) : null;
        this.live = settings.live().enabled() && runnable
                ? new LiveConversations(settings.live(), settings.exitGrace()) : null;
    }

    @Override
    public ClaudeTurn start(TurnRequest request) {
        if (settings.executable().isEmpty()) {
            return CliTurn.failed(TurnEvent.Failed.of(FailureKind.CLI_UNAVAILABLE,
                    "Claude Code CLI not found: set CLAUDE_PROXY_CLAUDE_PATH or put `claude` on the PATH."));
        }
        Optional<CliProcess> parked = live == null ? Optional.empty()
                : request.resumeSessionId().flatMap(id -> live.take(id, LiveKey.of(request)));
        if (parked.isPresent()) {
            CliTurn turn = startTurn(parked.get(), request, stdin.forNextTurn(request));
            return new ParkedProcessTurn(turn, () -> closed ? cancelled() : startInNewProcess(request));
        }
        return startInNewProcess(request);
    }

    private ClaudeTurn startInNewProcess(TurnRequest request) {
        Path executable = settings.executable().orElseThrow();
        try {
            Optional<Process> waiting = warm == null ? Optional.empty() : WarmKey.of(request).flatMap(warm::take);
            Process process = waiting.isPresent() ? waiting.get()
                    : start(CliArguments.forTurn(executable.toString(), request));
            CliProcess cli = CliProcess.start(process);
            if (live != null) {
                cli.exited().thenRun(() -> live.exited(cli));
            }
            return startTurn(cli, request, stdin.forTurn(request));
        } catch (IOException e) {
            return CliTurn.failed(TurnEvent.Failed.of(FailureKind.CLI_UNAVAILABLE,
                    "Claude Code CLI could not be started (" + executable + "): " + e.getMessage()));
        }
    }

    private CliTurn startTurn(CliProcess process, TurnRequest request, List<String> lines) {
        ProcessKeeper keeper = live != null && request.persistSession() ? live.keeperFor(request) : ProcessKeeper.NONE;
        CliTurn turn = CliTurn.start(process, new StreamJsonDecoder(mapper, request.partialMessages()), lines, keeper,
                settings.exitGrace());
        running.add(turn);
        turn.released().thenRun(() -> running.remove(turn));
        return turn;
    }

    private static ClaudeTurn cancelled() {
        return CliTurn.failed(TurnEvent.Failed.of(FailureKind.CANCELLED, "The CLI runner was closed."));
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

    /** How many processes are parked for their session's next turn, and how many resumed turns found theirs or not. */
    public LiveStats liveStats() {
        return live == null ? new LiveStats(0, 0, 0) : live.stats();
    }

    /**
     * The transcripts the CLI keeps for persisted sessions, where this runner's CLI keeps them; deleting a session's
     * transcript also ends the process parked for it.
     */
    public CliTranscripts transcripts() {
        Map<String, String> effective = new HashMap<>(System.getenv());
        CliEnvironment.apply(effective, settings);
        return new CliTranscripts(CliTranscripts.configDir(effective), live == null ? id -> { } : live::forget);
    }

    /**
     * The process ids of the CLIs running a turn now, or finishing one (a process whose turn ended and that is
     * exiting); not those waiting for a first turn ({@link #waitingProcessIds}) nor those parked between two turns
     * of a session ({@link #parkedProcessIds}).
     */
    public List<Long> turnProcessIds() {
        return running.stream().map(CliTurn::pid).toList();
    }

    /** The process ids of the CLIs started ahead of need, waiting for a turn. */
    public List<Long> waitingProcessIds() {
        return warm == null ? List.of() : warm.waitingPids();
    }

    /** The process ids of the CLIs parked after a turn of their session, waiting for its next one. */
    public List<Long> parkedProcessIds() {
        return live == null ? List.of() : live.parkedPids();
    }

    /** How many CLI processes are running or finishing a turn now: those of {@link #turnProcessIds}. */
    public int liveProcesses() {
        return running.size();
    }

    /** Kills every CLI this runner started, cancelling the turns still running: no CLI outlives the server. */
    @Override
    public void close() {
        closed = true;
        if (warm != null) {
            warm.close();
        }
        if (live != null) {
            live.close();
        }
        List.copyOf(running).forEach(CliTurn::cancel);
    }
}
