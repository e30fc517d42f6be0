package dev.claudeproxy.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudeproxy.application.port.out.LogFiles;
import dev.claudeproxy.application.testing.MapErrorDumps;
import dev.claudeproxy.application.testing.MapTraceRepository;
import dev.claudeproxy.domain.message.InvalidRequestException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The debug questions refuse bad limits, ids and log file names as invalid requests, before touching any file. */
class InspectRequestsServiceTest {

    private final List<String> tailed = new ArrayList<>();
    private final MapErrorDumps dumps = new MapErrorDumps();
    private final InspectRequestsService service = new InspectRequestsService(RequestTraces.unstored(Clock.systemUTC()),
            new MapTraceRepository(), dumps, new LogFiles() {
                @Override
                public String location() {
                    return "/logs";
                }

                @Override
                public List<String> names() {
                    return List.of("proxy-2026-11-25.log");
                }

                @Override
                public Optional<LogTail> tail(String name, int lines) {
                    tailed.add(name);
                    return Optional.of(new LogTail(name, 1, List.of("{}")));
                }
            });

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1001, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void aLimitOutOfRange_isAnInvalidRequest(int limit) {
        assertThatThrownBy(() -> service.recent(limit)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("limit");
        assertThatThrownBy(() -> service.recentErrors(limit)).isInstanceOf(InvalidRequestException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -5, 10_001})
    void aTailOutOfRange_isAnInvalidRequest(int tail) {
        assertThatThrownBy(() -> service.logTail("proxy-2026-11-25.log", tail))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("tail");
        assertThat(tailed).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../proxy-2026-11-25.log", "proxy-2026-11-25.log/../../etc/passwd", "/etc/passwd",
            "..%2Fproxy-2026-11-25.log", "proxy-2026-11-25.log\u0000", "proxy-26-11-25.log", "proxy-2026-11-25.txt",
            "errors", "", "proxy-2026-11-25.log.bak", "..\\proxy-2026-11-25.log"})
    void aLogFileNameOtherThanADailyLog_isAnInvalidRequest(String name) {
        assertThatThrownBy(() -> service.logTail(name, 10)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("file");
        assertThat(tailed).isEmpty();
    }

    @Test
    void aDailyLogName_isTailed() {
        assertThat(service.logTail("proxy-2026-11-25.log", 10)).isPresent();
        assertThat(tailed).containsExactly("proxy-2026-11-25.log");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/b", "", "req_\u00e9", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "..\\x"})
    void aMalformedRequestId_isAnInvalidRequest(String id) {
        assertThatThrownBy(() -> service.errorDump(id)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> service.trace(id)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void anUnknownRequest_hasNoTraceAndNoDump() {
        assertThat(service.trace("req_unknown")).isEmpty();
        assertThat(service.errorDump("req_unknown")).isEmpty();
        dumps.write("req_known", "{}");
        assertThat(service.errorDump("req_known")).contains("{}");
    }
}
