package dev.claudeproxy.adapters.cli;

import dev.claudeproxy.application.port.out.SessionTranscripts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The CLI's session transcripts: {@code <config dir>/projects/<working dir, mangled>/<session id>.jsonl}, plus a
 * folder of the same name for what the session spilled; both are deleted with the session.
 */
public final class CliTranscripts implements SessionTranscripts {

    private static final System.Logger LOG = System.getLogger(CliTranscripts.class.getName());
    /** CLI session ids are UUIDs; anything else could walk out of the projects folder. */
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,99}");

    private final Path projects;
    private final Consumer<String> beforeDelete;

    public CliTranscripts(Path configDir) {
        this(configDir, id -> { });
    }

    /** Transcripts that tell {@code beforeDelete} of each session about to be deleted. */
    CliTranscripts(Path configDir, Consumer<String> beforeDelete) {
        this.projects = Objects.requireNonNull(configDir, "configDir").resolve("projects");
        this.beforeDelete = Objects.requireNonNull(beforeDelete, "beforeDelete");
    }

    /** The CLI's config dir in {@code environment}: {@code CLAUDE_CONFIG_DIR}, else {@code $HOME/.claude}. */
    public static Path configDir(Map<String, String> environment) {
        String configured = environment.get("CLAUDE_CONFIG_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".claude");
    }

    @Override
    public void delete(String cliSessionId) {
        if (cliSessionId == null || !SESSION_ID.matcher(cliSessionId).matches()) {
            return;
        }
        beforeDelete.accept(cliSessionId);
        if (!Files.isDirectory(projects)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(projects)) {
            for (Path project : dirs.filter(Files::isDirectory).toList()) {
                Files.deleteIfExists(project.resolve(cliSessionId + ".jsonl"));
                deleteTree(project.resolve(cliSessionId));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not delete the CLI transcript of session "
                    + cliSessionId + ": " + e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path p : paths) {
            Files.deleteIfExists(p);
        }
    }
}
