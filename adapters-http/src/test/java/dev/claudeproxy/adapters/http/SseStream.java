package dev.claudeproxy.adapters.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads a server-sent event stream one event at a time, keeping everything read as raw text. */
final class SseStream implements AutoCloseable {

    private final BufferedReader reader;
    private final StringBuilder raw = new StringBuilder();

    SseStream(InputStream in) {
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** The next event's name, or null at the end of the stream. */
    String nextEvent() {
        try {
            String name = null;
            String line;
            while ((line = reader.readLine()) != null) {
                raw.append(line).append('\n');
                if (line.isEmpty()) {
                    return name;
                }
                if (line.startsWith("event: ")) {
                    name = line.substring("event: ".length());
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads events until one with this name arrives; fails at the end of the stream. */
    void awaitEvent(String name) {
        for (String event = nextEvent(); event != null; event = nextEvent()) {
            if (event.equals(name)) {
                return;
            }
        }
        throw new AssertionError("no " + name + " event in:\n" + raw);
    }

    /** Reads to the end and returns everything read. */
    String readToEnd() {
        while (nextEvent() != null) {
            // keep reading
        }
        return raw.toString();
    }

    String raw() {
        return raw.toString();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
