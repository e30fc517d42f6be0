package dev.claudeproxy.adapters.persistence.trace;

import dev.claudeproxy.domain.trace.CliActivity;
import dev.claudeproxy.domain.trace.Trace;
import dev.claudeproxy.domain.trace.TraceRequest;
import dev.claudeproxy.domain.trace.TraceSession;

/** The sizes of the {@code traces} table's text columns, and a trace with its texts cut to fit them. */
final class TraceColumns {

    static final int REQUEST_ID = 128;
    static final int ROUTE = 256;
    static final int MODEL = 256;
    static final int CLIENT_IP = 64;
    static final int USER_AGENT = 1024;
    static final int ERROR_TYPE = 128;
    static final int ERROR_MESSAGE = 4000;
    static final int LAST_EVENT_TYPE = 128;
    static final int CONVERSATION_ID = 512;
    static final int CLI_SESSION_ID = 128;

    private TraceColumns() {
    }

    /**
     * {@code trace} with every text cut to its column's size, so texts the client sent never fail a save; every
     * repository here stores this, so they all read back the same. A request id is a key and is not cut.
     */
    static Trace fitted(Trace trace) {
        if (trace.id().length() > REQUEST_ID) {
            throw new IllegalArgumentException("a request id must not be longer than " + REQUEST_ID + " characters");
        }
        TraceRequest r = trace.request();
        TraceRequest request = new TraceRequest(r.requestId(), cut(r.route(), ROUTE),
                cut(r.requestedModel(), MODEL), cut(r.model(), MODEL), r.stream(), r.hasTools(), r.thinking(),
                r.promptChars(), r.systemChars(), r.messageCount(), r.bodyBytes(), cut(r.clientIp(), CLIENT_IP),
                cut(r.userAgent(), USER_AGENT));
        CliActivity c = trace.cli();
        CliActivity cli = new CliActivity(c.eventCount(), cut(c.lastEventType(), LAST_EVENT_TYPE), c.outputChars(),
                c.toolCallCount(), c.stallCount());
        TraceSession s = trace.session();
        TraceSession session = new TraceSession(cut(s.conversationId(), CONVERSATION_ID),
                cut(s.cliSessionId(), CLI_SESSION_ID), s.resuming(), s.resumeFailed());
        return new Trace(request, trace.times(), trace.phase(), cli, trace.outcome(),
                cut(trace.errorType(), ERROR_TYPE), cut(trace.errorMessage(), ERROR_MESSAGE), trace.usage(), session);
    }

    /** The first {@code max} characters of {@code text}, one fewer where the cut would split a surrogate pair. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) && Character.isLowSurrogate(text.charAt(max))
                ? max - 1 : max;
        return text.substring(0, end);
    }
}
