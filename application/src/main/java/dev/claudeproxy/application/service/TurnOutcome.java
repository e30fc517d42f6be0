package dev.claudeproxy.application.service;

import dev.claudeproxy.domain.turn.TurnEvent;
import java.util.Optional;

/** How driving one CLI turn ended, before its last event reaches the client. */
sealed interface TurnOutcome {

    /** The turn completed; its last event is still to be shown, after the session is stored. */
    record Completed(TurnEvent.Completed event, Optional<String> cliSessionId) implements TurnOutcome {
    }

    /** The turn failed before the model said anything; the failure is still to be shown, or retried. */
    record FailedEarly(TurnEvent.Failed event) implements TurnOutcome {
    }

    /** The reply has ended (a failure after output, or a cancellation) and the client has been told. */
    record Ended() implements TurnOutcome {
    }
}
