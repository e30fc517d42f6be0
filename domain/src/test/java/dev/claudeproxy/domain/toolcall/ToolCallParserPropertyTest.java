package dev.claudeproxy.domain.toolcall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Generated inputs with a fixed seed: the parser never throws, never invents a call, and round-trips format (1). */
class ToolCallParserPropertyTest {

    private static final long SEED = 0x7001_ca11L;

    @Test
    void randomMixes_neverThrow_neverInventCalls() {
        SplittableRandom random = new SplittableRandom(SEED);
        int found = 0;
        for (int i = 0; i < 5_000; i++) {
            Set<String> inserted = new HashSet<>();
            String input = ModelOutputs.randomMix(random, inserted);
            ParsedOutput out = ToolCallParser.parse(input);
            found += out.calls().size();
            assertThat(input).as("textBefore is a prefix").contains(out.textBefore());
            for (ToolCall call : out.calls()) {
                assertThat(input).as(input).contains(call.name());
                assertThat(inserted).as(input).contains(call.name());
            }
        }
        assertThat(found).as("the mixes do contain findable calls").isGreaterThan(1_000);
    }

    @Test
    void validToolUseCalls_withRandomTextAround_roundTripInOrder() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        String prose = "The quick brown fox, {braces} [brackets] \"quotes\" é中😀\n\t<b>tag</b> ";
        for (int i = 0; i < 1_000; i++) {
            List<ToolCall> calls = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            String before = ModelOutputs.randomText(random, prose);
            text.append(before);
            int n = random.nextInt(1, 5);
            for (int c = 0; c < n; c++) {
                ToolCall call = new ToolCall(ModelOutputs.NAMES.get(random.nextInt(ModelOutputs.NAMES.size())), ModelOutputs.randomObject(random, 3));
                calls.add(call);
                text.append(ModelOutputs.render(0, call)).append(ModelOutputs.randomText(random, prose));
            }
            ParsedOutput out = ToolCallParser.parse(text.toString());
            assertThat(out.calls()).as(text.toString()).isEqualTo(calls);
            assertThat(out.textBefore()).isEqualTo(before.strip());
        }
    }
}
