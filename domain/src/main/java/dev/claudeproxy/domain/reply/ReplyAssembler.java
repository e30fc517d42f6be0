package dev.claudeproxy.domain.reply;

import dev.claudeproxy.domain.json.JsonParseException;
import dev.claudeproxy.domain.json.JsonParser;
import dev.claudeproxy.domain.json.JsonValue;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.turn.StopReason;
import dev.claudeproxy.domain.turn.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Folds a stream of {@link ReplyEvent}s into one {@link AssistantReply}: the non-streaming answer. */
public final class ReplyAssembler implements Consumer<ReplyEvent> {

    private final TreeMap<Integer, StringBuilder> texts = new TreeMap<>();
    private final TreeMap<Integer, ContentBlock> starts = new TreeMap<>();
    private final TreeMap<Integer, StringBuilder> signatures = new TreeMap<>();
    private ReplyEvent.Started started;
    private ReplyEvent.Finished finished;
    private ReplyError failure;

    @Override
    public void accept(ReplyEvent event) {
        switch (event) {
            case ReplyEvent.Started s -> started = s;
            case ReplyEvent.BlockStarted b -> {
                starts.put(b.index(), b.initial());
                texts.put(b.index(), new StringBuilder());
            }
            case ReplyEvent.TextDelta d -> text(d.index()).append(d.text());
            case ReplyEvent.ThinkingDelta d -> text(d.index()).append(d.thinking());
            case ReplyEvent.InputJsonDelta d -> text(d.index()).append(d.partialJson());
            case ReplyEvent.SignatureDelta d ->
                    signatures.computeIfAbsent(d.index(), i -> new StringBuilder()).append(d.signature());
            case ReplyEvent.BlockStopped ignored -> {
            }
            case ReplyEvent.Finished f -> finished = f;
            case ReplyEvent.Failed f -> failure = f.error();
        }
    }

    private StringBuilder text(int index) {
        return texts.computeIfAbsent(index, i -> new StringBuilder());
    }

    /** The assembled reply; throws {@link ReplyException} when the stream failed or never finished. */
    public AssistantReply reply() {
        if (failure != null) {
            throw new ReplyException(failure);
        }
        if (started == null || finished == null) {
            throw new ReplyException(new ReplyError(ErrorKind.API_ERROR, "The reply ended before it was complete.",
                    "incomplete_reply"));
        }
        List<ContentBlock> content = new ArrayList<>();
        for (var e : starts.entrySet()) {
            String body = texts.getOrDefault(e.getKey(), new StringBuilder()).toString();
            content.add(switch (e.getValue()) {
                case ContentBlock.Thinking ignored -> new ContentBlock.Thinking(body,
                        signatures.getOrDefault(e.getKey(), new StringBuilder()).toString());
                case ContentBlock.ToolUse u -> new ContentBlock.ToolUse(u.id(), u.name(), parseInput(body));
                default -> new ContentBlock.Text(body);
            });
        }
        StopReason stop = finished.stopReason();
        Usage usage = finished.usage();
        return new AssistantReply(started.messageId(), started.model(), content, stop, usage);
    }

    private static JsonValue parseInput(String json) {
        if (json.isBlank()) {
            return JsonValue.JsonObject.empty();
        }
        try {
            return JsonParser.parse(json);
        } catch (JsonParseException e) {
            return JsonValue.JsonObject.empty();
        }
    }
}
