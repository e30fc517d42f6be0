package dev.claudeproxy.adapters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.claudeproxy.application.port.out.TurnRequest;
import dev.claudeproxy.domain.message.ContentBlock;
import dev.claudeproxy.domain.message.ModelTier;
import dev.claudeproxy.domain.message.ThinkingConfig;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The argv of a turn: stream-json in and out, one turn, no built-in tools, settings or MCP servers. */
class CliArgumentsTest {

    @Test
    void aStreamedTurn_runsWithEveryToolAndSettingOff_andPartialMessages() {
        List<String> argv = CliArguments.forTurn("claude", request(ModelTier.OPUS, true, Optional.empty(),
                Optional.empty(), false));

        assertThat(argv).containsExactly("claude", "--output-format", "stream-json", "--verbose",
                "--input-format", "stream-json", "--max-turns=1", "--model=opus", "--tools=", "--setting-sources=",
                "--strict-mcp-config", "--permission-mode=bypassPermissions",
                "--allow-dangerously-skip-permissions", "--include-partial-messages", "--no-session-persistence");
    }

    @Test
    void aWholeReply_hasNoPartialMessages() {
        assertThat(CliArguments.forTurn("claude", request(ModelTier.HAIKU, false, Optional.empty(), Optional.empty(),
                false))).doesNotContain("--include-partial-messages").contains("--model=haiku");
    }

    @Test
    void aResumedPersistentTurn_namesItsSession_andKeepsItsTranscript() {
        List<String> argv = CliArguments.forTurn("claude", request(ModelTier.SONNET, true, Optional.empty(),
                Optional.of("eb7bb669-94ec-45d2-8ca9-003549eb2cb4"), true));

        assertThat(argv).contains("--resume=eb7bb669-94ec-45d2-8ca9-003549eb2cb4")
                .doesNotContain("--no-session-persistence");
    }

    @Test
    void thinking_isPassedAsTheCliFlagForEachMode() {
        assertThat(CliArguments.forTurn("c", request(ModelTier.SONNET, true,
                Optional.of(new ThinkingConfig.Enabled(2048)), Optional.empty(), false)))
                .contains("--max-thinking-tokens=2048");
        assertThat(CliArguments.forTurn("c", request(ModelTier.SONNET, true,
                Optional.of(new ThinkingConfig.Adaptive()), Optional.empty(), false))).contains("--thinking=adaptive");
        assertThat(CliArguments.forTurn("c", request(ModelTier.SONNET, true,
                Optional.of(new ThinkingConfig.Disabled()), Optional.empty(), false))).contains("--thinking=disabled");
    }

    @Test
    void theSystemPrompt_neverGoesOnTheCommandLine() {
        TurnRequest withSystem = new TurnRequest(ModelTier.SONNET, Optional.of("secret system prompt"),
                List.of(new ContentBlock.Text("hi")), Optional.empty(), Optional.empty(), true, false);

        assertThat(String.join(" ", CliArguments.forTurn("claude", withSystem))).doesNotContain("secret");
    }

    private static TurnRequest request(ModelTier tier, boolean partial, Optional<ThinkingConfig> thinking,
                                       Optional<String> resume, boolean persist) {
        return new TurnRequest(tier, Optional.empty(), List.of(new ContentBlock.Text("hi")), thinking, resume,
                partial, persist);
    }
}
