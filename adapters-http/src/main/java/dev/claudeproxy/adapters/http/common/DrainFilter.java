package dev.claudeproxy.adapters.http.common;

import dev.claudeproxy.domain.reply.ErrorKind;
import dev.claudeproxy.domain.reply.ReplyError;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.util.concurrent.atomic.AtomicBoolean;

/** Once the server starts shutting down, turns new requests away as overloaded (clients retry elsewhere or later). */
public final class DrainFilter implements Filter {

    private final AtomicBoolean draining = new AtomicBoolean();

    /** From now on every new request is refused; those already running go on. */
    public void startDraining() {
        draining.set(true);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (!draining.get()) {
            chain.proceed();
            return;
        }
        res.header("connection", "close");
        ApiErrors.send(req, res, new ReplyError(ErrorKind.OVERLOADED, "The server is shutting down.",
                "shutting_down"));
    }
}
