package dev.claudeproxy.domain.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {

    @ParameterizedTest
    @ValueSource(strings = {Ids.MESSAGE, Ids.REQUEST, Ids.TOOL_USE})
    void aNewId_isThePrefixAnd24Base62Characters(String prefix) {
        String id = Ids.next(prefix, new SplittableRandom(7));

        assertThat(id).matches(prefix + "[0-9A-Za-z]{24}");
        assertThat(Ids.isWellFormed(id, prefix)).isTrue();
    }

    @Test
    void theSameRandomSeed_givesTheSameId_andManyIdsAreDistinct() {
        assertThat(Ids.next(Ids.MESSAGE, new SplittableRandom(42))).isEqualTo(Ids.next(Ids.MESSAGE, new SplittableRandom(42)));

        SplittableRandom random = new SplittableRandom(1);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(Ids.next(Ids.TOOL_USE, random));
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void anIdFromTheDocs_isWellFormed() {
        assertThat(Ids.isWellFormed("msg_01XFDUDYJgAACzvnptvVoYEL", Ids.MESSAGE)).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "msg_", "msg_01XFDUDYJgAACzvnptvVoYE", "msg_01XFDUDYJgAACzvnptvVoYELx",
            "req_01XFDUDYJgAACzvnptvVoYEL", "msg_01XFDUDYJgAACzvnptvVo-EL", "msg_01XFDUDYJgAACzvnptvVo_EL",
            "msg_01XFDUDYJgAACzvnptvVoéEL", "MSG_01XFDUDYJgAACzvnptvVoYEL", "01XFDUDYJgAACzvnptvVoYELmsg_"})
    void anythingElse_isNotAWellFormedMessageId(String id) {
        assertThat(Ids.isWellFormed(id, Ids.MESSAGE)).isFalse();
    }
}
