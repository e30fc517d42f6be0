package dev.claudeproxy.application.port.out;

import java.util.List;
import java.util.Optional;

/** The daily log files ({@code proxy-YYYY-MM-DD.log}) the server writes, for reading back. */
public interface LogFiles {

    /** Where the files are, for operators. */
    String location();

    /** The names of the log files, newest first. */
    List<String> names();

    /**
     * The last {@code lines} lines of the named file, or empty if there is no such file. The name must already be
     * a valid log file name; anything else is refused with an {@link IllegalArgumentException}.
     */
    Optional<LogTail> tail(String name, int lines);

    /** The end of a log file: its name, how many lines it has, and the last ones, oldest first. */
    record LogTail(String file, int total, List<String> lines) {
        public LogTail {
            lines = List.copyOf(lines);
        }
    }
}
