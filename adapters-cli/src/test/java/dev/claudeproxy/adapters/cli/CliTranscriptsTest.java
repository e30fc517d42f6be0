package dev.claudeproxy.adapters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session's transcript and folder go, in whichever project folder they are; nothing else does. */
class CliTranscriptsTest {

    private static final String ID = "3f1c2a9e-0b7d-4c55-9a51-1d2e3f4a5b6c";

    @TempDir
    Path config;

    @Test
    void theTranscriptAndItsFolder_areDeleted_inEveryProject() throws IOException {
        Path a = Files.createDirectories(config.resolve("projects/-srv-work"));
        Path b = Files.createDirectories(config.resolve("projects/-other"));
        Files.writeString(a.resolve(ID + ".jsonl"), "{}\n");
        Files.createDirectories(a.resolve(ID + "/tool-results"));
        Files.writeString(a.resolve(ID + "/tool-results/x.txt"), "x");
        Files.writeString(b.resolve(ID + ".jsonl"), "{}\n");
        Files.writeString(a.resolve("other-session.jsonl"), "{}\n");

        new CliTranscripts(config).delete(ID);

        assertThat(a.resolve(ID + ".jsonl")).doesNotExist();
        assertThat(a.resolve(ID)).doesNotExist();
        assertThat(b.resolve(ID + ".jsonl")).doesNotExist();
        assertThat(a.resolve("other-session.jsonl")).exists();
    }

    @Test
    void idsThatCouldLeaveTheProjectsFolder_areIgnored() throws IOException {
        Path project = Files.createDirectories(config.resolve("projects/p"));
        Files.writeString(config.resolve("secret.jsonl"), "keep");
        Files.writeString(project.resolve("x.jsonl"), "keep");

        CliTranscripts transcripts = new CliTranscripts(config);
        transcripts.delete("../../secret");
        transcripts.delete("..");
        transcripts.delete("");
        transcripts.delete(null);
        transcripts.delete("a/b");

        assertThat(config.resolve("secret.jsonl")).exists();
        assertThat(project.resolve("x.jsonl")).exists();
    }

    @Test
    void eachValidIdAboutToBeDeleted_isToldFirst_evenWithNoTranscriptOnDisk() {
        List<String> told = new ArrayList<>();
        CliTranscripts transcripts = new CliTranscripts(config.resolve("missing"), told::add);

        transcripts.delete(ID);
        transcripts.delete("../../secret");

        assertThat(told).containsExactly(ID);
    }

    @Test
    void nothingToDelete_isFine() {
        new CliTranscripts(config.resolve("missing")).delete(ID);
    }

    @Test
    void theConfigDir_isClaudeConfigDir_elseDotClaudeInHome() {
        assertThat(CliTranscripts.configDir(Map.of("CLAUDE_CONFIG_DIR", "/c", "HOME", "/h"))).isEqualTo(Path.of("/c"));
        assertThat(CliTranscripts.configDir(Map.of("HOME", "/h"))).isEqualTo(Path.of("/h/.claude"));
    }
}
