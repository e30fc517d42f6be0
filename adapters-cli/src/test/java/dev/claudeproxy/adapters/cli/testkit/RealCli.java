package dev.claudeproxy.adapters.cli.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Finds the real {@code claude} binary installed by scripts/install-claude-cli.sh and builds an isolated environment for it. */
public final class RealCli {

    /** What to tell a developer when {@link #executable()} is empty. */
    public static final String INSTALL_HINT =
            "the real claude CLI is not installed: run scripts/install-claude-cli.sh (or set -Dclaudeproxy.cli / CLAUDE_PROXY_TEST_CLI)";

    private RealCli() {
    }

    /** The CLI from -Dclaudeproxy.cli, else $CLAUDE_PROXY_TEST_CLI, else {@code <repoRoot>/.tools/claude-code/node_modules/.bin/claude}, if executable. */
    public static Optional<Path> executable() {
        String configured = System.getProperty("claudeproxy.cli");
        if (isBlank(configured)) {
            configured = System.getenv("CLAUDE_PROXY_TEST_CLI");
        }
        Path candidate = isBlank(configured)
                ? repoRoot().resolve(".tools/claude-code/node_modules/.bin/claude")
                : Path.of(configured);
        return Files.isExecutable(candidate) ? Optional.of(candidate.toAbsolutePath()) : Optional.empty();
    }

    /** -Dclaudeproxy.repoRoot, else the nearest directory upwards holding {@code .tools} or an aggregator pom.xml. */
    public static Path repoRoot() {
        String configured = System.getProperty("claudeproxy.repoRoot");
        if (!isBlank(configured)) {
            return Path.of(configured).toAbsolutePath();
        }
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(".tools")) || isAggregator(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        return start;
    }

    /** The environment a test run of the CLI needs: private HOME, config and temp dirs, the fake upstream, quick failures, no extra traffic. */
    public static Map<String, String> isolatedEnv(Path tempDir, String upstreamBaseUrl) {
        Path home = tempDir.toAbsolutePath().resolve("home");
        Path config = home.resolve(".claude");
        Path tmp = tempDir.toAbsolutePath().resolve("tmp");
        try {
            Files.createDirectories(config);
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", home.toString());
        env.put("CLAUDE_CONFIG_DIR", config.toString());
        env.put("TMPDIR", tmp.toString());
        env.put("CLAUDE_CODE_TMPDIR", tmp.toString());
        env.put("ANTHROPIC_BASE_URL", upstreamBaseUrl);
        env.put("ANTHROPIC_API_KEY", "sk-test");
        env.put("CLAUDE_CODE_MAX_RETRIES", "1");
        env.put("DISABLE_TELEMETRY", "1");
        env.put("DISABLE_AUTOUPDATER", "1");
        env.put("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1");
        return Collections.unmodifiableMap(env);
    }

    private static boolean isAggregator(Path pom) {
        try {
            return Files.isRegularFile(pom) && Files.readString(pom).contains("<modules>");
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
