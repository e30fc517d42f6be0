package dev.claudeproxy.domain.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Generated inputs: any string either parses or fails with a JsonParseException, and values round-trip. */
class JsonFuzzTest {

    private static final String ALPHABET = "{}[]\",:0123456789.-+eE \n\t\\/utfnrlasbx\u0000\u001fé中😀";
    private static final long SEED = 0x5eed_c1a0deL;

    @Test
    void randomStrings_eitherParseOrThrowJsonParseException() {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(1, 24);
            for (int j = 0; j < length; j++) {
                s.append(random.nextInt(10) == 0
                        ? (char) random.nextInt(0, 0xFFFF)
                        : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            parseOrParseError(s.toString());
        }
    }

    @Test
    void mutatedValidDocuments_eitherParseOrThrowJsonParseException() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder s = new StringBuilder(randomValue(random, 0).toJson());
            int edits = random.nextInt(1, 4);
            for (int e = 0; e < edits && !s.isEmpty(); e++) {
                int at = random.nextInt(s.length());
                char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
                switch (random.nextInt(3)) {
                    case 0 -> s.deleteCharAt(at);
                    case 1 -> s.insert(at, c);
                    default -> s.setCharAt(at, c);
                }
            }
            parseOrParseError(s.toString());
        }
    }

    @Test
    void randomValues_roundTripThroughWriteAndParse() {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        for (int i = 0; i < 2_000; i++) {
            JsonValue v = randomValue(random, 0);
            String text = v.toJson();

            assertThat(JsonParser.parse(text)).as(text).isEqualTo(v);
            assertThat(JsonParser.parse(text).toJson()).as(text).isEqualTo(text);
        }
    }

    private static void parseOrParseError(String text) {
        try {
            JsonParser.parse(text);
        } catch (JsonParseException expected) {
            // a clean rejection is fine
        } catch (Throwable t) {
            fail("input " + escape(text) + " threw " + t, t);
        }
    }

    private static JsonValue randomValue(SplittableRandom random, int depth) {
        int kind = depth > 3 ? random.nextInt(4) : random.nextInt(6);
        return switch (kind) {
            case 0 -> new JsonValue.JsonString(randomString(random));
            case 1 -> new JsonValue.JsonNumber(new BigDecimal(random.nextLong(-1_000_000, 1_000_000))
                    .movePointLeft(random.nextInt(0, 4)));
            case 2 -> new JsonValue.JsonBool(random.nextBoolean());
            case 3 -> JsonValue.JsonNull.INSTANCE;
            case 4 -> {
                List<JsonValue> items = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    items.add(randomValue(random, depth + 1));
                }
                yield new JsonValue.JsonArray(items);
            }
            default -> {
                Map<String, JsonValue> members = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    members.put(randomString(random), randomValue(random, depth + 1));
                }
                yield new JsonValue.JsonObject(members);
            }
        };
    }

    private static String randomString(SplittableRandom random) {
        String pool = "ab \"\\/\n\r\t\b\f\u0001\u001fé中😀";
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(6); i > 0; i--) {
            s.appendCodePoint(pool.codePointAt(pool.offsetByCodePoints(0,
                    random.nextInt(pool.codePointCount(0, pool.length())))));
        }
        return s.toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
