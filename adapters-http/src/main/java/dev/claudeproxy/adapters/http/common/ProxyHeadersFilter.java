package dev.claudeproxy.adapters.http.common;

import dev.claudeproxy.application.port.out.IdGenerator;
import dev.claudeproxy.domain.id.Ids;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/** Gives every response its request id, Anthropic and CORS headers, and answers CORS preflights. */
public final class ProxyHeadersFilter implements Filter {

    public static final HeaderName REQUEST_ID = HeaderNames.create("request-id");
    public static final HeaderName X_REQUEST_ID = HeaderNames.create("x-request-id");
    public static final HeaderName ANTHROPIC_VERSION = HeaderNames.create("anthropic-version");
    public static final HeaderName ANTHROPIC_BETA = HeaderNames.create("anthropic-beta");

    private static final String DEFAULT_ALLOWED_HEADERS = "content-type, x-api-key, authorization, "
            + "anthropic-version, anthropic-beta, x-request-id, x-conversation-id, x-session-id";
    // a caller's id is echoed into headers and logs, so only short, plain ones are trusted
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_.:\\-]{1,128}");

    private final IdGenerator ids;

    public ProxyHeadersFilter(IdGenerator ids) {
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String requestId = req.headers().first(X_REQUEST_ID)
                .filter(id -> SAFE_ID.matcher(id).matches())
                .orElseGet(() -> ids.next(Ids.REQUEST));
        req.context().register(new RequestId(requestId, Instant.now()));
        res.header(REQUEST_ID, requestId);
        res.header(X_REQUEST_ID, requestId);
        res.header(ANTHROPIC_VERSION, "2023-06-01");
        req.headers().first(ANTHROPIC_BETA).ifPresent(beta -> res.header(ANTHROPIC_BETA, beta));
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        res.header(HeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, "request-id, x-request-id");
        if (Method.OPTIONS.equals(req.prologue().method())) {
            preflight(req, res);
            return;
        }
        chain.proceed();
    }

    private static void preflight(RoutingRequest req, RoutingResponse res) {
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, DELETE, OPTIONS");
        res.header(HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS,
                req.headers().first(HeaderNames.ACCESS_CONTROL_REQUEST_HEADERS).orElse(DEFAULT_ALLOWED_HEADERS));
        res.header(HeaderNames.ACCESS_CONTROL_MAX_AGE, "86400");
        res.status(Status.NO_CONTENT_204).send();
    }
}
