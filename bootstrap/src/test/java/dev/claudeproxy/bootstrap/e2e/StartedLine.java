package dev.claudeproxy.bootstrap.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a server process's port from its {@code proxy.started} log line, then keeps its output pipe empty. */
public final class StartedLine {

    private static final Pattern URL = Pattern.compile("\"url\":\"http://127\\.0\\.0\\.1:(\\d+)\"");

    private StartedLine() {
    }

    /** The port the server process listens on, waiting at most {@code seconds} for it to say so. */
    public static int awaitPort(Process server, int seconds) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        return CompletableFuture.supplyAsync(() -> read(out)).get(seconds, TimeUnit.SECONDS);
    }

    private static int read(BufferedReader out) {
        try {
            String line;
            while ((line = out.readLine()) != null) {
                Matcher m = URL.matcher(line);
                if (m.find()) {
                    Thread.ofVirtual().start(() -> drain(out));
                    return Integer.parseInt(m.group(1));
                }
            }
            throw new IllegalStateException("the server ended without listening");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // keep the pipe empty so the server never blocks on its log
            }
        } catch (IOException e) {
            // the server has gone
        }
    }
}
