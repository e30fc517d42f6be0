package dev.claudeproxy.adapters.http.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The kernel's connection table is read by port pair, for IPv4 and IPv6 lines alike. */
class ConnectionTableTest {

    @Test
    void linesGiveTheStateOfEachPortPair() {
        Map<ConnectionTable.Ports, Integer> states = new HashMap<>();
        ConnectionTable.parse(List.of(
                "  sl  local_address rem_address   st tx_queue rx_queue",
                "   0: 0100007F:0D80 0100007F:A2C4 08 00000000:00000000 00:00000000",
                "   1: 0100007F:A2C4 0100007F:0D80 FIN 00000000:00000000",
                "   2: 0000000000000000FFFF00000100007F:0D80 0000000000000000FFFF00000100007F:C350 01 0",
                "garbage"), states);

        assertThat(states).containsEntry(new ConnectionTable.Ports(3456, 41668), ConnectionTable.CLOSE_WAIT)
                .containsEntry(new ConnectionTable.Ports(3456, 50000), 1)
                .hasSize(2);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void onLinux_theTableIsThere() {
        assertThat(ConnectionTable.read()).isPresent();
    }
}
