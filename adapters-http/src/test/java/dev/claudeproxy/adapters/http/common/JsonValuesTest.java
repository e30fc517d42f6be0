package dev.claudeproxy.adapters.http.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.claudeproxy.domain.json.JsonParser;
import dev.claudeproxy.domain.json.JsonValue;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Jackson trees and domain JSON values convert both ways without losing order or precision. */
class JsonValuesTest {

    private static final String SAMPLE =
            "{\"z\":1,\"a\":[true,false,null,\"s\\n\"],\"n\":-12.500,\"big\":123456789012345678901234567890,"
                    + "\"o\":{\"e\":{}},\"exp\":1E+3}";

    @Test
    void jacksonTree_becomesTheSameDomainValueAsTheDomainParserReads() {
        JsonNode node = WireJson.parse(SAMPLE.getBytes(StandardCharsets.UTF_8)).orElseThrow();
        assertThat(JsonValues.toDomain(node)).isEqualTo(JsonParser.parse(SAMPLE));
    }

    @Test
    void domainValue_roundTripsThroughJackson() {
        JsonValue value = JsonParser.parse(SAMPLE);
        JsonNode node = JsonValues.toJackson(value);
        assertThat(JsonValues.toDomain(node)).isEqualTo(value);
        assertThat(WireJson.write(node)).isEqualTo(value.toJson());
    }

    @Test
    void invalidOrEmptyBody_isNotParsed() {
        assertThat(WireJson.parse(new byte[0])).isEmpty();
        assertThat(WireJson.parse("{\"a\":".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(WireJson.parse("{} x".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }
}
