package dev.claudeproxy.adapters.cli.contract;

import dev.claudeproxy.application.port.out.ClaudeRunner;
import java.util.List;
import java.util.Optional;

/** A {@link ClaudeRunner} under test together with the means to script what its next run does. */
public interface RunnerWorld extends AutoCloseable {

    ClaudeRunner runner();

    /** The next run answers with these text deltas. */
    void nextReplyText(String... deltas);

    /** The next run thinks, then answers. */
    void nextReplyThinking(String thinking, String... deltas);

    /** The upstream API fails the next run with this HTTP status. */
    void nextReplyUpstreamError(int status, String type, String message);

    /** The next run starts its answer and then never goes on. */
    void nextReplyHangs();

    /** The next run asks to resume a session the CLI does not know. */
    void nextRunResumesUnknownSession(String sessionId);

    /** The processes running turns now with everything they started (not those waiting for a turn or parked). */
    List<ProcessHandle> turnProcesses();

    /** The argv a process of this world's runner was started with (asked while it runs a turn). */
    List<String> argvOf(long pid);

    /** Whether a session's next turn runs in the process that ran its last one (live conversations on). */
    boolean liveConversations();

    /** The messages the model was last given, as JSON, where the world can see them (not with a scripted CLI). */
    Optional<String> conversationSeen();

    /** What the model was last given: the system prompt text and the user turn's content blocks as JSON. */
    Seen lastSeen();

    /** What reached the model. */
    record Seen(String systemPrompt, String userContentJson) {
    }

    @Override
    void close() throws Exception;
}
