package dev.claudeproxy.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition every 20 ms until it holds, failing the test with what was awaited after a limit. */
final class Await {

    private Await() {
    }

    static void until(BooleanSupplier condition, String what, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within " + limit).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
