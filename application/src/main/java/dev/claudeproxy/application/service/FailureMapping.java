package dev.claudeproxy.application.service;

import dev.claudeproxy.domain.reply.ErrorKind;
import dev.claudeproxy.domain.reply.ReplyError;
import dev.claudeproxy.domain.turn.TurnEvent;

/** Maps a failed CLI turn to the error the client sees (SPEC §3). */
final class FailureMapping {

    private FailureMapping() {
    }

    static ReplyError toReplyError(TurnEvent.Failed failed) {
        String message = failed.message();
        return switch (failed.kind()) {
            case UPSTREAM_OVERLOADED -> new ReplyError(ErrorKind.OVERLOADED, message, "upstream_overloaded");
            case UPSTREAM_RATE_LIMITED -> new ReplyError(ErrorKind.RATE_LIMITED, message, "upstream_rate_limited");
            case UPSTREAM_AUTH -> new ReplyError(ErrorKind.AUTHENTICATION, message, "upstream_auth");
            case UPSTREAM_ERROR -> new ReplyError(ErrorKind.API_ERROR, message, "upstream_error");
            case RESUME_NOT_FOUND -> new ReplyError(ErrorKind.API_ERROR, message, "resume_not_found");
            case CLI_UNAVAILABLE -> new ReplyError(ErrorKind.API_ERROR, message, "cli_unavailable");
            case CLI_CRASHED -> new ReplyError(ErrorKind.API_ERROR, message, "cli_crashed");
            case CLI_ERROR -> new ReplyError(ErrorKind.API_ERROR, message, "cli_error");
            case CANCELLED -> new ReplyError(ErrorKind.API_ERROR, message, "cancelled");
            case STALLED -> new ReplyError(ErrorKind.TIMEOUT, message, "stalled");
            case TIMED_OUT -> new ReplyError(ErrorKind.TIMEOUT, message, "timed_out");
            case OUTPUT_LIMIT -> new ReplyError(ErrorKind.API_ERROR, message, "output_limit");
        };
    }
}
