package dev.claudeproxy.domain.json;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** RFC 8259 rules the strict parser enforces: ASCII digits, no leading zeros, four-hex-digit escapes. */
class JsonParserStrictnessTest {

    @Test
    void aNumberWithALeadingZero_isRejected() {
        assertThatThrownBy(() -> JsonParser.parse("01")).isInstanceOf(JsonParseException.class);
        assertThatThrownBy(() -> JsonParser.parse("-01")).isInstanceOf(JsonParseException.class);
        assertThatThrownBy(() -> JsonParser.parse("[00]")).isInstanceOf(JsonParseException.class);
    }

    @Test
    void nonAsciiDigitsInsideANumber_areRejected() {
        assertThatThrownBy(() -> JsonParser.parse("1\u0661")).isInstanceOf(JsonParseException.class);
        assertThatThrownBy(() -> JsonParser.parse("0.\u0661")).isInstanceOf(JsonParseException.class);
        assertThatThrownBy(() -> JsonParser.parse("1e\u0663")).isInstanceOf(JsonParseException.class);
    }

    @Test
    void aUnicodeEscapeWithASign_isRejected() {
        assertThatThrownBy(() -> JsonParser.parse("\"\\u+041\"")).isInstanceOf(JsonParseException.class);
        assertThatThrownBy(() -> JsonParser.parse("\"\\u-001\"")).isInstanceOf(JsonParseException.class);
    }
}
