package dev.claudeproxy.adapters.http.common;

import dev.claudeproxy.domain.reply.ErrorKind;
import dev.claudeproxy.domain.reply.ReplyError;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.Set;

/**
 * When an API key is configured, lets through only requests carrying it in {@code x-api-key} or
 * {@code Authorization: Bearer}, except {@code GET /} and health (metrics need it); the comparison takes constant time.
 */
public final class ApiKeyFilter implements Filter {

    public static final HeaderName X_API_KEY = HeaderNames.create("x-api-key");
    private static final Set<String> OPEN_PATHS = Set.of("/", "/health", "/observe/health",
            "/observe/health/ready", "/observe/health/live", "/observe/health/started");

    private final byte[] keyDigest;

    /** @param apiKey the key clients must send; empty leaves the server open */
    public ApiKeyFilter(Optional<String> apiKey) {
        this.keyDigest = apiKey.filter(k -> !k.isBlank()).map(ApiKeyFilter::digest).orElse(null);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        if (keyDigest == null || isOpen(req)) {
            chain.proceed();
            return;
        }
        Optional<String> presented = req.headers().first(X_API_KEY).or(() -> bearer(req));
        if (presented.isPresent() && MessageDigest.isEqual(keyDigest, digest(presented.get()))) {
            chain.proceed();
            return;
        }
        ApiErrors.send(req, res, new ReplyError(ErrorKind.AUTHENTICATION, presented.isEmpty()
                ? "Missing API key: send it as x-api-key or Authorization: Bearer."
                : "Invalid API key.", "auth_failed"));
    }

    private static boolean isOpen(RoutingRequest req) {
        Method method = req.prologue().method();
        return (Method.GET.equals(method) || Method.HEAD.equals(method)) && OPEN_PATHS.contains(req.path().path());
    }

    private static Optional<String> bearer(RoutingRequest req) {
        return req.headers().first(HeaderNames.AUTHORIZATION)
                .filter(v -> v.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(v -> v.substring(7).strip());
    }

    // comparing digests keeps the time independent of where, and whether by length, the keys differ
    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
