package dev.claudeproxy.application.port.in;

import dev.claudeproxy.application.port.out.LogFiles;
import dev.claudeproxy.domain.trace.Trace;
import java.util.List;
import java.util.Optional;

/**
 * What an operator asks when a request is slow or failed: figures, live requests, recent traces and errors, a
 * failed request's dump, and the log files. Bad limits, ids or file names are refused as invalid requests.
 */
public interface InspectRequestsUseCase {

    RequestStats stats();

    /** The requests running now, oldest first. */
    List<Trace> active();

    /** At most {@code limit} (1…1000) traces, running or ended, newest first. */
    List<Trace> recent(int limit);

    /** The trace of a request, running or ended. */
    Optional<Trace> trace(String requestId);

    /** At most {@code limit} (1…1000) failed requests, newest first. */
    List<Trace> recentErrors(int limit);

    /** The JSON dump written when the request failed. */
    Optional<String> errorDump(String requestId);

    /** Where the log files are. */
    String logLocation();

    /** The daily log files, newest first. */
    List<String> logFiles();

    /** The last {@code lines} (1…10000) lines of a log file named {@code proxy-YYYY-MM-DD.log}. */
    Optional<LogFiles.LogTail> logTail(String file, int lines);
}
