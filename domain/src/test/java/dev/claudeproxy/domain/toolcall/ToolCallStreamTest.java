package dev.claudeproxy.domain.toolcall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.claudeproxy.domain.json.JsonParser;
import dev.claudeproxy.domain.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Streamed text is released live up to a possible marker, and the whole adds up to what the parser finds. */
class ToolCallStreamTest {

    @Test
    void plainText_isReleasedAsItComes_withoutTrailingWhitespace() {
        ToolCallStream stream = new ToolCallStream();
        assertThat(stream.accept("Hello ")).isEqualTo("Hello");
        assertThat(stream.accept("world.\n")).isEqualTo(" world.");
        ToolCallStream.Ending end = stream.finish();
        assertThat(end.text()).isEmpty();
        assertThat(end.calls()).isEmpty();
    }

    @Test
    void leadingWhitespace_isDropped() {
        ToolCallStream stream = new ToolCallStream();
        assertThat(stream.accept("\n \t")).isEmpty();
        assertThat(stream.accept("\nHi")).isEqualTo("Hi");
    }

    @Test
    void aPossibleMarkerStart_isHeldBack_untilItTurnsOutToBeText() {
        ToolCallStream stream = new ToolCallStream();
        assertThat(stream.accept("Let me check <too")).isEqualTo("Let me check");
        assertThat(stream.accept("ls> here")).isEqualTo(" <tools> here");
    }

    @Test
    void textBeforeACall_isLive_andTheCallComesAtTheEnd() {
        ToolCallStream stream = new ToolCallStream();
        assertThat(stream.accept("I'll read it.")).isEqualTo("I'll read it.");
        assertThat(stream.accept("\n\n<tool_")).isEmpty();
        assertThat(stream.accept("use>\n{\"name\": \"Read\", \"input\": {\"path\": \"a\nb\"}}")).isEmpty();
        assertThat(stream.accept("\n</tool_use>\nSome text after.")).isEmpty();
        ToolCallStream.Ending end = stream.finish();
        assertThat(end.text()).isEmpty();
        assertThat(end.calls()).containsExactly(new ToolCall("Read", object("{\"path\": \"a\\nb\"}")));
    }

    @Test
    void aMarkerThatIsNoCall_isReleasedAtTheEnd() {
        ToolCallStream stream = new ToolCallStream();
        assertThat(stream.accept("Use the <invoke tag like this")).isEqualTo("Use the");
        assertThat(stream.accept(" and more.")).isEmpty();
        ToolCallStream.Ending end = stream.finish();
        assertThat(end.text()).isEqualTo(" <invoke tag like this and more.");
        assertThat(end.calls()).isEmpty();
    }

    @Test
    void aFalseMarker_beforeARealCall_isTextBeforeTheCall() {
        ToolCallStream stream = new ToolCallStream();
        String released = stream.accept("About [Tool call: syntax.\n<tool_use>{\"name\":\"T\",\"input\":{}}</tool_use>");
        ToolCallStream.Ending end = stream.finish();
        assertThat(released + end.text()).isEqualTo("About [Tool call: syntax.");
        assertThat(end.calls()).containsExactly(new ToolCall("T", JsonValue.JsonObject.empty()));
    }

    @Test
    void aSurrogatePairSplitAcrossChunks_isNeverCut() {
        ToolCallStream stream = new ToolCallStream();
        String out = stream.accept("ok \uD83D");
        assertThat(out).isEqualTo("ok");
        assertThat(stream.accept("\uDE00!")).isEqualTo(" 😀!");
    }

    @Test
    void acceptingAfterFinish_isAnError() {
        ToolCallStream stream = new ToolCallStream();
        stream.finish();
        assertThatThrownBy(() -> stream.accept("x")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void randomMixesInRandomChunks_addUpToTheParser_andNeverReleaseAMarker() {
        SplittableRandom random = new SplittableRandom(0x57_12EAL);
        for (int i = 0; i < 3_000; i++) {
            String text = ModelOutputs.randomMix(random, new HashSet<>());
            ToolCallStream stream = new ToolCallStream();
            StringBuilder released = new StringBuilder();
            for (String chunk : chunks(random, text)) {
                String out = stream.accept(chunk);
                released.append(out);
                assertThat(ToolCallMarkers.ALL).as(text).noneMatch(m -> released.indexOf(m) >= 0);
            }
            ToolCallStream.Ending end = stream.finish();
            ParsedOutput parsed = ToolCallParser.parse(text);
            assertThat(released + end.text()).as(text).isEqualTo(parsed.textBefore());
            assertThat(end.calls()).as(text).isEqualTo(parsed.calls());
        }
    }

    @Test
    void textWithoutMarkers_isReleasedBeforeTheEnd() {
        SplittableRandom random = new SplittableRandom(7);
        String text = "Plain answer, no tools: a < b and [1, 2] {x} \"q\"\n\tdone.";
        ToolCallStream stream = new ToolCallStream();
        StringBuilder released = new StringBuilder();
        for (String chunk : chunks(random, text)) {
            released.append(stream.accept(chunk));
        }
        assertThat(released.toString()).isEqualTo(text);
        assertThat(stream.finish().text()).isEmpty();
    }

    private static List<String> chunks(SplittableRandom random, String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int end = Math.min(text.length(), i + random.nextInt(1, 12));
            out.add(text.substring(i, end));
            i = end;
        }
        return out;
    }

    private static JsonValue.JsonObject object(String json) {
        return (JsonValue.JsonObject) JsonParser.parse(json);
    }
}
