package dev.claudeproxy.domain.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonParserTest {

    @Test
    void anObjectWithEveryKindOfValue_parsesWithItsMembersInOrder() {
        JsonValue v = JsonParser.parse("{\"z\":1,\"a\":[true,false,null],\"m\":\"x\",\"o\":{}}");

        JsonValue.JsonObject o = (JsonValue.JsonObject) v;
        assertThat(o.members()).containsExactly(
                entry("z", number("1")),
                entry("a", new JsonValue.JsonArray(List.of(new JsonValue.JsonBool(true),
                        new JsonValue.JsonBool(false), JsonValue.JsonNull.INSTANCE))),
                entry("m", new JsonValue.JsonString("x")),
                entry("o", JsonValue.JsonObject.empty()));
    }

    @Test
    void whitespaceAroundEveryToken_isAllowed() {
        assertThat(JsonParser.parse(" \n\t\r[ 1 ,\n2 ] \r\n"))
                .isEqualTo(new JsonValue.JsonArray(List.of(number("1"), number("2"))));
        assertThat(JsonParser.parse("{ \"a\" : { } }"))
                .isEqualTo(new JsonValue.JsonObject(java.util.Map.of("a", JsonValue.JsonObject.empty())));
    }

    @Test
    void everySimpleEscape_isDecoded() {
        assertThat(string("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"")).isEqualTo("\" \\ / \b \f \n \r \t");
    }

    @Test
    void unicodeEscapes_decodeInEitherCase_andSurrogatePairsMakeOneCodePoint() {
        assertThat(string("\"\\u00e9\\u00E9\\u4e2d\"")).isEqualTo("éé中");
        assertThat(string("\"\\ud83d\\ude00\"")).isEqualTo("😀");
        assertThat(string("\"\\u0000\"")).isEqualTo("\u0000");
    }

    @Test
    void rawNonAsciiText_passesThroughUnchanged() {
        assertThat(string("\"日本語 😀 Ünïcødé \u2028\"")).isEqualTo("日本語 😀 Ünïcødé \u2028");
    }

    @Test
    void numbers_areKeptExact() {
        assertThat(JsonParser.parse("0.1")).isEqualTo(number("0.1"));
        assertThat(JsonParser.parse("-12.5e3")).isEqualTo(number("-12.5e3"));
        assertThat(JsonParser.parse("1E-7")).isEqualTo(number("1E-7"));
        assertThat(JsonParser.parse("2e+2")).isEqualTo(number("2e+2"));
        assertThat(JsonParser.parse("123456789012345678901234567890"))
                .isEqualTo(number("123456789012345678901234567890"));
        assertThat(JsonParser.parse("0")).isEqualTo(number("0"));
        assertThat(JsonParser.parse("-0")).isEqualTo(number("0"));
    }

    @Test
    void duplicateMemberNames_keepTheLastValue() {
        JsonValue.JsonObject o = (JsonValue.JsonObject) JsonParser.parse("{\"a\":1,\"a\":2}");

        assertThat(o.members()).containsExactly(entry("a", number("2")));
    }

    @Test
    void nestingWithinTheLimit_parses() {
        String deep = "[".repeat(500) + "]".repeat(500);

        assertThat(JsonParser.parse(deep)).isInstanceOf(JsonValue.JsonArray.class);
    }

    @Test
    void absurdNesting_isAParseError_notAStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);

        assertThatThrownBy(() -> JsonParser.parse(deep)).isInstanceOf(JsonParseException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "}", "[", "]", "[1,]", "[,1]", "[1 2]", "{\"a\"}", "{\"a\":}",
            "{\"a\" 1}", "{a:1}", "{\"a\":1,}", "{,}", "{\"a\":1 \"b\":2}", "'x'", "\"unterminated",
            "\"bad \\x escape\"", "\"\\u12\"", "\"\\u12G4\"", "\"\\u\"", "\"\\", "tru", "nul", "fals", "True",
            "NULL", "NaN", "Infinity", "-Infinity", "-", "1.", ".5", "1e", "1e+", "--1", "+1", "0x10",
            "1e99999999999", "[1]]", "1 2", "{}{}", "\"a\nb\"", "\"tab\there\"", "\"\u001f\"", "{\"a\":1}x",
            "truex", "/* c */ 1", "[1,2", "{\"a\":[}"})
    void malformedText_isRejectedWithJsonParseException(String text) {
        assertThatThrownBy(() -> JsonParser.parse(text))
                .isInstanceOf(JsonParseException.class)
                .hasMessageContaining("position");
    }

    private static String string(String json) {
        return ((JsonValue.JsonString) JsonParser.parse(json)).value();
    }

    static JsonValue.JsonNumber number(String n) {
        return new JsonValue.JsonNumber(new BigDecimal(n));
    }

    private static java.util.Map.Entry<String, JsonValue> entry(String k, JsonValue v) {
        return java.util.Map.entry(k, v);
    }
}
