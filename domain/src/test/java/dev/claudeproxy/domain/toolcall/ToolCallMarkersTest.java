package dev.claudeproxy.domain.toolcall;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where a tool-call marker may begin, so streamed text can be held back only that far. */
class ToolCallMarkersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|0", "hello|5", "hello <|6", "hello <tool_|6", "hello <tool_use|6", "x<tool_use>{|1", "ab<function_c|2",
            "<invok|0", "a <invoke name|2", "see [|4", "see [Tool ca|4", "q [Tool call: X|2", "a < b|5", "a <t b|6",
            "<tool_use> and <function_calls>|0", "text <function_calls> then <tool_|5", "[Tool|0", "emoji 😀 <|9"})
    void earliestPossibleStart(String text, int expected) {
        assertThat(ToolCallMarkers.earliestPossibleStart(text)).isEqualTo(expected);
    }

    @Test
    void everyProperPrefixOfEveryMarkerAtTheEndIsHeldBack() {
        for (String marker : ToolCallMarkers.ALL) {
            for (int k = 1; k <= marker.length(); k++) {
                String text = "some safe text " + marker.substring(0, k);
                assertThat(ToolCallMarkers.earliestPossibleStart(text)).as(text).isEqualTo("some safe text ".length());
            }
        }
    }

    @Test
    void nothingBeforeTheResultContainsAMarker() {
        String text = "abc <tool_use>{}</tool_use> <invoke";
        int start = ToolCallMarkers.earliestPossibleStart(text);
        assertThat(text.substring(0, start)).doesNotContain("<tool_use>").isEqualTo("abc ");
    }
}
