package dev.claudeproxy.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudeproxy.application.port.in.QueueStatus;
import dev.claudeproxy.domain.reply.ErrorKind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdmissionQueueTest {

    private static final Duration SHORT = Duration.ofMillis(30);
    private static final Duration LONG = Duration.ofSeconds(10);

    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopWaiters() {
        threads.forEach(Thread::interrupt);
    }

    @Test
    void atMostMaxSlots_areHandedOut_andTheNextWaiterTimesOutWithNull() throws Exception {
        AdmissionQueue queue = new AdmissionQueue(2, SHORT);

        AdmissionQueue.Slot a = queue.acquire();
        AdmissionQueue.Slot b = queue.acquire();

        assertThat(a).isNotNull();
        assertThat(b).isNotNull();
        assertThat(queue.queueStatus()).isEqualTo(new QueueStatus(2, 0, 2));
        long before = System.nanoTime();
        assertThat(queue.acquire()).isNull();
        assertThat(System.nanoTime() - before).isGreaterThanOrEqualTo(SHORT.toNanos());
        assertThat(queue.queueStatus()).isEqualTo(new QueueStatus(2, 0, 2));
    }

    @Test
    void aFreedSlot_canBeTakenAgain() throws Exception {
        AdmissionQueue queue = new AdmissionQueue(1, SHORT);

        queue.acquire().close();

        try (AdmissionQueue.Slot again = queue.acquire()) {
            assertThat(again).isNotNull();
        }
        assertThat(queue.queueStatus().active()).isZero();
    }

    @Test
    void closingASlotTwice_freesItOnlyOnce() throws Exception {
        AdmissionQueue queue = new AdmissionQueue(1, SHORT);
        AdmissionQueue.Slot slot = queue.acquire();

        slot.close();
        slot.close();

        assertThat(queue.queueStatus()).isEqualTo(new QueueStatus(0, 0, 1));
        AdmissionQueue.Slot first = queue.acquire();
        assertThat(first).isNotNull();
        assertThat(queue.acquire()).isNull();
        first.close();
    }

    @Test
    void waitersAreServedInArrivalOrder_andCountedWhileTheyWait() throws Exception {
        AdmissionQueue queue = new AdmissionQueue(1, LONG);
        AdmissionQueue.Slot holder = queue.acquire();
        BlockingQueue<String> admitted = new LinkedBlockingQueue<>();

        Thread first = waiter(queue, "first", admitted);
        awaitCondition(() -> first.getState() == Thread.State.TIMED_WAITING);
        Thread second = waiter(queue, "second", admitted);
        awaitCondition(() -> second.getState() == Thread.State.TIMED_WAITING);
        Thread third = waiter(queue, "third", admitted);
        awaitCondition(() -> third.getState() == Thread.State.TIMED_WAITING);

        assertThat(queue.queueStatus()).isEqualTo(new QueueStatus(1, 3, 1));

        holder.close();

        assertThat(admitted.poll(LONG.toSeconds(), TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(admitted.poll(LONG.toSeconds(), TimeUnit.SECONDS)).isEqualTo("second");
        assertThat(admitted.poll(LONG.toSeconds(), TimeUnit.SECONDS)).isEqualTo("third");
        for (Thread t : List.of(first, second, third)) {
            t.join(LONG.toMillis());
        }
        assertThat(queue.queueStatus()).isEqualTo(new QueueStatus(0, 0, 1));
    }

    @Test
    void busy_isAnOverloadedErrorWithTheSpecMessage() {
        assertThat(AdmissionQueue.busy().kind()).isEqualTo(ErrorKind.OVERLOADED);
        assertThat(AdmissionQueue.busy().message())
                .isEqualTo("Server busy \u2014 all request slots are occupied. Please retry shortly.");
        assertThat(AdmissionQueue.busy().reason()).isEqualTo("queue_timeout");
    }

    @Test
    void lessThanOneSlot_isRejected() {
        assertThatThrownBy(() -> new AdmissionQueue(0, SHORT)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Starts a thread that takes a slot, reports its name, and gives the slot back. */
    private Thread waiter(AdmissionQueue queue, String name, BlockingQueue<String> admitted) {
        Thread t = Thread.ofPlatform().name(name).start(() -> {
            try (AdmissionQueue.Slot slot = queue.acquire()) {
                if (slot != null) {
                    admitted.add(name);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        threads.add(t);
        return t;
    }

    private static void awaitCondition(BooleanSupplier condition) {
        long deadline = System.nanoTime() + LONG.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in time");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
