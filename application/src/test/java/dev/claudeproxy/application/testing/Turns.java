package dev.claudeproxy.application.testing;

import dev.claudeproxy.domain.turn.BlockKind;
import dev.claudeproxy.domain.turn.StopReason;
import dev.claudeproxy.domain.turn.TurnEvent;
import dev.claudeproxy.domain.turn.Usage;
import java.util.ArrayList;
import java.util.List;

/** Event sequences a CLI turn typically reports. */
public final class Turns {

    /** What the upstream's message_start reports. */
    public static final Usage MESSAGE_START_USAGE = new Usage(17, 1, 0, 0);

    private Turns() {
    }

    /** A turn answering with one text block made of {@code parts}, ending with {@code usage}. */
    public static TurnEvent[] text(Usage usage, String... parts) {
        return textInSession("session-1", usage, parts);
    }

    /** Like {@link #text} in the CLI session {@code sessionId}. */
    public static TurnEvent[] textInSession(String sessionId, Usage usage, String... parts) {
        List<TurnEvent> events = new ArrayList<>();
        events.add(new TurnEvent.SessionStarted(sessionId, "claude-sonnet-4-6"));
        events.add(new TurnEvent.MessageStarted(MESSAGE_START_USAGE));
        events.add(TurnEvent.BlockStarted.of(0, BlockKind.TEXT));
        for (String p : parts) {
            events.add(new TurnEvent.TextDelta(0, p));
        }
        events.add(new TurnEvent.BlockStopped(0));
        events.add(new TurnEvent.Completed(String.join("", parts), StopReason.END_TURN, usage));
        return events.toArray(TurnEvent[]::new);
    }
}
