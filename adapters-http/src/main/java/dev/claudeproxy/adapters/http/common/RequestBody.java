package dev.claudeproxy.adapters.http.common;

import dev.claudeproxy.domain.reply.ErrorKind;
import dev.claudeproxy.domain.reply.ReplyError;
import dev.claudeproxy.domain.reply.ReplyException;
import io.helidon.webserver.http.ServerRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads a request body, refused with 413 past the size limit (images included) before it is all read. */
public final class RequestBody {

    private RequestBody() {
    }

    public static byte[] read(ServerRequest req, long maxBodyBytes) {
        if (req.headers().contentLength().orElse(0) > maxBodyBytes) {
            throw tooLarge(maxBodyBytes);
        }
        try (InputStream in = req.content().inputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
            if (body.length > maxBodyBytes) {
                throw tooLarge(maxBodyBytes);
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ReplyException tooLarge(long maxBodyBytes) {
        return new ReplyException(new ReplyError(ErrorKind.REQUEST_TOO_LARGE,
                "Request body is larger than the limit of " + maxBodyBytes + " bytes.", "request_too_large"));
    }
}
