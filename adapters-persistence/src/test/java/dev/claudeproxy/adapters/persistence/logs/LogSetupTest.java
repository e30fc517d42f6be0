package dev.claudeproxy.adapters.persistence.logs;

import static dev.claudeproxy.adapters.persistence.logs.JsonLines.parse;
import static dev.claudeproxy.adapters.persistence.logs.JsonLines.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogSetupTest {

    private static final Logger ROOT = Logger.getLogger("");

    @TempDir
    Path temp;

    private Handler[] savedHandlers;
    private final Map<String, Level> savedLevels = new HashMap<>();

    @BeforeEach
    void saveJul() {
        savedHandlers = ROOT.getHandlers();
        for (String name : List.of("", "dev.claudeproxy", "io.helidon")) {
            savedLevels.put(name, Logger.getLogger(name).getLevel());
        }
        for (Handler h : savedHandlers) {
            ROOT.removeHandler(h); // saved, not closed, so they can be put back
        }
    }

    @AfterEach
    void restoreJul() {
        for (Handler h : ROOT.getHandlers()) {
            ROOT.removeHandler(h);
            h.close();
        }
        for (Handler h : savedHandlers) {
            ROOT.addHandler(h);
        }
        savedLevels.forEach((name, level) -> Logger.getLogger(name).setLevel(level));
    }

    @Test
    void install_sendsJsonLinesToStderrAndTheDailyFile_atTheLevel() {
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.Logger log = System.getLogger("dev.claudeproxy.test.setup");

        try (LogSetup ignored = LogSetup.install(temp, "warn", stderr)) {
            log.log(System.Logger.Level.INFO, "dropped", Map.of());
            log.log(System.Logger.Level.WARNING, "session.failed", Map.of("reqId", "r1"));
        }

        List<String> console = stderr.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(console).hasSize(1);
        assertThat(text(parse(console.get(0) + "\n"), "reqId")).isEqualTo("r1");
        LogDirectory logs = new LogDirectory(temp);
        assertThat(logs.names()).hasSize(1);
        assertThat(logs.tail(logs.names().get(0), 10).orElseThrow().lines()).containsExactlyElementsOf(console);
    }

    @Test
    void install_replacesTheRootHandlers_andCloseDetachesTheFile() {
        Handler old = new ConsoleHandler();
        ROOT.addHandler(old);

        LogSetup setup = LogSetup.install(temp, "info", new ByteArrayOutputStream());
        assertThat(ROOT.getHandlers())
                .hasSize(2).doesNotContain(old).hasAtLeastOneElementOfType(DailyFileHandler.class);

        setup.close();
        assertThat(ROOT.getHandlers()).hasSize(1).doesNotHaveAnyElementsOfTypes(DailyFileHandler.class);
    }

    @Test
    void debug_opensTheAppButKeepsHelidonAtInfo() {
        try (LogSetup ignored = LogSetup.install(temp, "DEBUG", new ByteArrayOutputStream())) {
            assertThat(Logger.getLogger("dev.claudeproxy.x").isLoggable(Level.FINE)).isTrue();
            assertThat(Logger.getLogger("io.helidon.webserver").isLoggable(Level.FINE)).isFalse();
            assertThat(Logger.getLogger("io.helidon.webserver").isLoggable(Level.INFO)).isTrue();
        }
    }

    @Test
    void levels_parse_andUnknownOnesAreRefused() {
        assertThat(LogSetup.parseLevel("debug")).isEqualTo(Level.FINE);
        assertThat(LogSetup.parseLevel("info")).isEqualTo(Level.INFO);
        assertThat(LogSetup.parseLevel("warn")).isEqualTo(Level.WARNING);
        assertThat(LogSetup.parseLevel("error")).isEqualTo(Level.SEVERE);
        assertThat(LogSetup.parseLevel(" Info ")).isEqualTo(Level.INFO);
        assertThatThrownBy(() -> LogSetup.parseLevel("verbose"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("verbose").hasMessageContaining("debug, info, warn, error");
        assertThatThrownBy(() -> LogSetup.parseLevel(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
