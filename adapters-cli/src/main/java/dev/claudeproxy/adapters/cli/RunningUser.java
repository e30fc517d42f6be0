package dev.claudeproxy.adapters.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Tells whether this server runs as root (Linux: the real uid in /proc/self/status). */
final class RunningUser {

    private static final boolean ROOT = detect();

    private RunningUser() {
    }

    static boolean isRoot() {
        return ROOT;
    }

    private static boolean detect() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.substring(4).strip().startsWith("0");
                }
            }
        } catch (IOException | RuntimeException e) {
            return "root".equals(System.getProperty("user.name"));
        }
        return "root".equals(System.getProperty("user.name"));
    }
}
