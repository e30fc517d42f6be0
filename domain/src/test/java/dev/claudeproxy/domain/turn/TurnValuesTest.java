package dev.claudeproxy.domain.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TurnValuesTest {

    @Test
    void negativeTokenCounts_areRejected() {
        assertThatThrownBy(() -> new Usage(-1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Usage(0, 0, 0, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void usageWithOutputTokens_keepsTheOtherCounts() {
        assertThat(new Usage(1, 2, 3, 4).withOutputTokens(9)).isEqualTo(new Usage(1, 9, 3, 4));
        assertThat(Usage.of(5, 6)).isEqualTo(new Usage(5, 6, 0, 0));
    }

    @ParameterizedTest
    @EnumSource(StopReason.class)
    void everyStopReason_roundTripsThroughItsWireName(StopReason reason) {
        assertThat(StopReason.fromWire(reason.wireName())).isEqualTo(reason);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"END_TURN", "whatever"})
    void anUnknownStopReason_isEndTurn(String name) {
        assertThat(StopReason.fromWire(name)).isEqualTo(StopReason.END_TURN);
    }

    @Test
    void aFailureWithoutMessage_isNamedByItsKind() {
        assertThat(TurnEvent.Failed.of(FailureKind.CLI_CRASHED, " ").message()).isEqualTo("CLI_CRASHED");
        assertThat(TurnEvent.Failed.of(FailureKind.CLI_CRASHED, null).upstreamStatus()).isEqualTo(OptionalInt.empty());
    }

    @Test
    void onlyCompletedAndFailed_endATurn() {
        assertThat(new TurnEvent.Completed(null, StopReason.END_TURN, Usage.ZERO).isTerminal()).isTrue();
        assertThat(TurnEvent.Failed.of(FailureKind.CANCELLED, "x").isTerminal()).isTrue();
        assertThat(new TurnEvent.TextDelta(0, "x").isTerminal()).isFalse();
        assertThat(new TurnEvent.MessageStarted(Usage.ZERO).isTerminal()).isFalse();
        assertThat(new TurnEvent.Completed(null, StopReason.END_TURN, Usage.ZERO).resultText()).isEmpty();
    }
}
