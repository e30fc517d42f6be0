package dev.claudeproxy.application.testing;

import dev.claudeproxy.application.port.out.SessionTranscripts;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Remembers which CLI sessions' transcripts were deleted. */
public final class RecordingTranscripts implements SessionTranscripts {

    private final List<String> deleted = new CopyOnWriteArrayList<>();

    @Override
    public void delete(String cliSessionId) {
        deleted.add(cliSessionId);
    }

    public List<String> deleted() {
        return List.copyOf(deleted);
    }
}
