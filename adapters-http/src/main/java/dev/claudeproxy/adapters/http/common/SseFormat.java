package dev.claudeproxy.adapters.http.common;

import dev.claudeproxy.domain.reply.ReplyEvent;
import java.util.List;

/** How one API spells a reply stream on the wire: the frames of each event once started, and a keep-alive. */
public interface SseFormat {

    /** The bytes to send for this event (from {@code Started} on), each frame flushed on its own. */
    List<byte[]> frames(ReplyEvent event);

    /** A frame that keeps an idle stream open. */
    byte[] ping();
}
