package dev.claudeproxy.adapters.http;

import dev.claudeproxy.application.port.in.CreateMessageCommand;
import dev.claudeproxy.application.port.in.CreateMessageUseCase;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.reply.AssistantReply;
import dev.claudeproxy.domain.reply.ReplyEvent;
import dev.claudeproxy.domain.turn.StopReason;
import dev.claudeproxy.domain.turn.Usage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A scripted {@link CreateMessageUseCase}: emits given events, may wait on a latch the test opens, or throws. */
public final class FakeCreateMessage implements CreateMessageUseCase {

    public final List<CreateMessageCommand> commands = new CopyOnWriteArrayList<>();
    /** Set when a stream ended: whatever the sink threw, or null. */
    public final CountDownLatch streamEnded = new CountDownLatch(1);
    public volatile RuntimeException sinkThrew;
    private volatile List<ReplyEvent> script = List.of();
    private volatile int pauseAt = -1;
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private volatile boolean repeatLastUntilSinkThrows;
    private volatile AssistantReply reply;
    private volatile RuntimeException failure;
    private volatile RuntimeException failureAfterScript;

    /** Streams these events in order. */
    public FakeCreateMessage streams(ReplyEvent... events) {
        this.script = List.of(events);
        return this;
    }

    /** Before emitting event number {@code index}, waits until {@code gate} opens. */
    public FakeCreateMessage pausesBefore(int index, CountDownLatch gate) {
        this.pauseAt = index;
        this.gate = gate;
        return this;
    }

    /** Starts the reply, then holds its one text block ("late") back until {@code gate} opens. */
    public FakeCreateMessage startsThenWaitsFor(ReplyEvent started, CountDownLatch gate) {
        return streams(started, new ReplyEvent.BlockStarted(0, new ContentBlock.Text("")),
                new ReplyEvent.TextDelta(0, "late"), new ReplyEvent.BlockStopped(0),
                new ReplyEvent.Finished(StopReason.END_TURN, Usage.of(7, 1))).pausesBefore(1, gate);
    }

    /** After the script, keeps emitting its last event until the sink throws (a client that went away). */
    public FakeCreateMessage repeatsLastEventUntilSinkThrows() {
        this.repeatLastUntilSinkThrows = true;
        return this;
    }

    public FakeCreateMessage replies(AssistantReply reply) {
        this.reply = reply;
        return this;
    }

    /** Both create() and stream() throw this. */
    public FakeCreateMessage throwsException(RuntimeException failure) {
        this.failure = failure;
        return this;
    }

    /** stream() throws this once its script is emitted. */
    public FakeCreateMessage throwsAfterScript(RuntimeException failure) {
        this.failureAfterScript = failure;
        return this;
    }

    @Override
    public void stream(CreateMessageCommand command, Consumer<ReplyEvent> sink) {
        commands.add(command);
        try {
            if (failure != null) {
                throw failure;
            }
            for (int i = 0; i < script.size(); i++) {
                if (i == pauseAt) {
                    await();
                }
                sink.accept(script.get(i));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (repeatLastUntilSinkThrows && System.nanoTime() < deadline) {
                sink.accept(script.getLast());
            }
            if (failureAfterScript != null) {
                throw failureAfterScript;
            }
        } catch (RuntimeException e) {
            sinkThrew = e;
            throw e;
        } finally {
            streamEnded.countDown();
        }
    }

    @Override
    public AssistantReply create(CreateMessageCommand command) {
        commands.add(command);
        if (failure != null) {
            throw failure;
        }
        return reply;
    }

    private void await() {
        try {
            if (!gate.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
