package dev.claudeproxy.adapters.http.debug;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.claudeproxy.adapters.http.common.WireJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;

/** The server process's id and memory (heap from the JVM, resident set from Linux's /proc when there is one). */
public final class ProcessFacts {

    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessFacts() {
    }

    public static long pid() {
        return ProcessHandle.current().pid();
    }

    public static ObjectNode memory() {
        Runtime runtime = Runtime.getRuntime();
        long heapUsed = runtime.totalMemory() - runtime.freeMemory();
        ObjectNode memory = WireJson.object()
                .put("heapUsed", megabytes(heapUsed))
                .put("heapTotal", megabytes(runtime.totalMemory()))
                .put("heapMax", megabytes(runtime.maxMemory()))
                .put("heapUsedBytes", heapUsed);
        OptionalLong rss = residentBytes();
        if (rss.isPresent()) {
            memory.put("rss", megabytes(rss.getAsLong())).put("rssBytes", rss.getAsLong());
        } else {
            memory.putNull("rss").putNull("rssBytes");
        }
        return memory;
    }

    /** The resident set size, from {@code VmRSS} in /proc/self/status; empty where there is no /proc. */
    public static OptionalLong residentBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    String kb = line.substring("VmRSS:".length()).replace("kB", "").strip();
                    return OptionalLong.of(Long.parseLong(kb) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    public static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1fMB", bytes / 1024.0 / 1024.0);
    }

    public static String human(java.time.Duration uptime) {
        long s = uptime.toSeconds();
        return String.format(Locale.ROOT, "%dh %dm %ds", s / 3600, (s % 3600) / 60, s % 60);
    }
}
