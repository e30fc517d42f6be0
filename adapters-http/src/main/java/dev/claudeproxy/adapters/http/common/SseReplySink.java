package dev.claudeproxy.adapters.http.common;

import dev.claudeproxy.domain.reply.ReplyError;
import dev.claudeproxy.domain.reply.ReplyEvent;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/** Writes a reply stream as server-sent events, committing the HTTP status only when the reply has started. */
final class SseReplySink implements Consumer<ReplyEvent>, AutoCloseable {

    /** Thrown out of the sink when the client has gone, so the use case cancels the CLI run. */
    static final class ClientGoneException extends UncheckedIOException {
        ClientGoneException(IOException cause) {
            super("The client closed the stream.", cause);
        }
    }

    private static final System.Logger LOG = System.getLogger(SseReplySink.class.getName());

    private final ServerRequest req;
    private final ServerResponse res;
    private final String requestId;
    private final Duration pingInterval;
    private final SseFormat format;
    private final ReentrantLock lock = new ReentrantLock(); // the ping thread and the reply share one stream
    private final CountDownLatch ended = new CountDownLatch(1);
    private OutputStream out;
    private boolean done;
    private IOException broken;

    SseReplySink(ServerRequest req, ServerResponse res, String requestId, Duration pingInterval, SseFormat format) {
        this.format = format;
        this.req = req;
        this.res = res;
        this.requestId = requestId;
        this.pingInterval = pingInterval;
    }

    @Override
    public void accept(ReplyEvent event) {
        lock.lock();
        try {
            if (broken != null) {
                throw new ClientGoneException(broken);
            }
            if (done) {
                return;
            }
            if (out == null) {
                beforeStart(event);
                return;
            }
            write(format.frames(event));
            if (event instanceof ReplyEvent.Finished || event instanceof ReplyEvent.Failed) {
                end();
            }
        } finally {
            lock.unlock();
        }
    }

    private void beforeStart(ReplyEvent event) {
        switch (event) {
            case ReplyEvent.Started s -> {
                res.status(200);
                res.header(HeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8");
                res.header(HeaderNames.CACHE_CONTROL, "no-cache");
                res.header("x-accel-buffering", "no"); // keeps reverse proxies from buffering the stream
                out = res.outputStream();
                write(format.frames(s));
                Thread.ofVirtual().name("sse-ping-" + requestId).start(this::pingUntilEnded);
            }
            case ReplyEvent.Failed f -> {
                done = true;
                ApiErrors.send(req, res, f.error());
            }
            default -> LOG.log(System.Logger.Level.WARNING, "Ignoring {0} before the reply started",
                    event.getClass().getSimpleName());
        }
    }

    /** Whether the HTTP status is committed, i.e. an error can no longer be a plain JSON answer. */
    boolean committed() {
        lock.lock();
        try {
            return out != null || done;
        } finally {
            lock.unlock();
        }
    }

    /** Ends a reply that is still open with this error: a JSON answer before the start, an error event after. */
    void failIfOpen(ReplyError error) {
        try {
            accept(new ReplyEvent.Failed(error));
        } catch (ClientGoneException e) {
            LOG.log(System.Logger.Level.DEBUG, "The client of request {0} has gone", requestId);
        }
    }

    private void pingUntilEnded() {
        try {
            while (!ended.await(pingInterval.toMillis(), TimeUnit.MILLISECONDS)) {
                if (lock.tryLock()) { // when the lock is taken a write is under way: no ping needed
                    try {
                        if (!done) {
                            write(List.of(format.ping()));
                        }
                    } catch (ClientGoneException e) {
                        return;
                    } finally {
                        lock.unlock();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(List<byte[]> frames) {
        try {
            for (byte[] frame : frames) {
                out.write(frame);
                out.flush(); // each delta goes out at once
            }
        } catch (IOException | RuntimeException e) {
            // Helidon reports a closed connection as an IOException, UncheckedIOException or ServerConnectionException
            broken = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
            end();
            throw new ClientGoneException(broken);
        }
    }

    private void end() {
        done = true;
        ended.countDown();
        try {
            out.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Closing the stream of request {0} failed", requestId);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            ended.countDown();
            if (out != null && !done) {
                end();
            }
            done = true;
        } finally {
            lock.unlock();
        }
    }
}
