package dev.claudeproxy.adapters.http.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The kernel's table of TCP connections ({@code /proc/net/tcp} and {@code tcp6}, Linux only), keyed by port pair. */
final class ConnectionTable {

    /** The TCP state of a connection whose peer has closed its side. */
    static final int CLOSE_WAIT = 0x08;

    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));

    /** One end of a connection: this side's port and the peer's port. */
    record Ports(int local, int remote) {
    }

    private ConnectionTable() {
    }

    /** Every connection's TCP state by its ports, or empty where the kernel does not offer the table. */
    static Optional<Map<Ports, Integer>> read() {
        Map<Ports, Integer> states = new HashMap<>();
        boolean any = false;
        for (Path table : TABLES) {
            try {
                parse(Files.readAllLines(table), states);
                any = true;
            } catch (IOException | RuntimeException e) {
                // not Linux, or no IPv6 table: what was read is all there is
            }
        }
        return any ? Optional.of(states) : Optional.empty();
    }

    /** Parses lines like {@code 0: 0100007F:0D80 0100007F:A2C4 08 ...} (ports and state in hex). */
    static void parse(List<String> lines, Map<Ports, Integer> into) {
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).trim().split("\\s+");
            try {
                into.put(new Ports(port(f[1]), port(f[2])), Integer.parseInt(f[3], 16));
            } catch (RuntimeException e) {
                // not a connection line
            }
        }
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1), 16);
    }
}
