package dev.claudeproxy.domain.json;

import static dev.claudeproxy.domain.json.JsonParserTest.number;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonWriterTest {

    @Test
    void anObject_isWrittenCompactlyInInsertionOrder() {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        members.put("b", number("1"));
        members.put("a", new JsonValue.JsonArray(List.of(new JsonValue.JsonBool(true), JsonValue.JsonNull.INSTANCE,
                new JsonValue.JsonString("x"))));
        members.put("e", JsonValue.JsonObject.empty());
        members.put("l", new JsonValue.JsonArray(List.of()));

        assertThat(new JsonValue.JsonObject(members).toJson()).isEqualTo("{\"b\":1,\"a\":[true,null,\"x\"],\"e\":{},\"l\":[]}");
    }

    @Test
    void specialCharacters_areEscapedAsJsonStringifyDoes() {
        assertThat(JsonWriter.quote("\" \\ \n \r \t \b \f")).isEqualTo("\"\\\" \\\\ \\n \\r \\t \\b \\f\"");
        assertThat(JsonWriter.quote("\u0000\u0001\u001f")).isEqualTo("\"\\u0000\\u0001\\u001f\"");
    }

    @Test
    void slashesAndNonAscii_areLeftAlone() {
        assertThat(JsonWriter.quote("a/b é 中 😀 \u007f")).isEqualTo("\"a/b é 中 😀 \u007f\"");
    }

    @Test
    void quoteIntoABuilder_appendsTheLiteral() {
        StringBuilder out = new StringBuilder("x=");
        JsonWriter.quote("say \"hi\"", out);

        assertThat(out).hasToString("x=\"say \\\"hi\\\"\"");
    }

    @Test
    void numbers_keepTheirExactValueAndScale() {
        assertThat(number("0.10").toJson()).isEqualTo("0.10");
        assertThat(number("123456789012345678901234567890").toJson()).isEqualTo("123456789012345678901234567890");
        assertThat(number("-7").toJson()).isEqualTo("-7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "[]", "\"\"", "0", "-1.5", "true", "false", "null",
            "{\"a\":[1,{\"b\":null}],\"c\":\"x\\ny\\\"z\\\\\"}", "[\"\\u0001\",\"é\",\"😀\"]",
            "{\"name\":\"get_weather\",\"input\":{\"city\":\"Paris\",\"days\":3}}"})
    void compactJson_roundTripsToTheSameText(String text) {
        assertThat(JsonParser.parse(text).toJson()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {" { \"a\" : 1 } ", "[1e5, 0.10, -0, 2E-3]", "\"\\u00e9\\/\\b\"", "[ [ [ ] ] ]"})
    void anyValue_survivesWriteThenParse(String text) {
        JsonValue v = JsonParser.parse(text);

        assertThat(JsonParser.parse(v.toJson())).isEqualTo(v);
    }
}
