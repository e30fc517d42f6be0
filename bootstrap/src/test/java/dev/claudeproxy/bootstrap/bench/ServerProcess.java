package dev.claudeproxy.bootstrap.bench;

import dev.claudeproxy.bootstrap.Main;
import dev.claudeproxy.bootstrap.e2e.StartedLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/** The proxy as its own JVM (as ./run starts it), on a free 127.0.0.1 port, with its memory and CLI children. */
final class ServerProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;

    private ServerProcess(String name, Process process, int port) {
        this.name = name;
        this.process = process;
        this.port = port;
    }

    /** Starts a server named {@code name} with its data and logs in {@code dir}, extra flags and environment. */
    static ServerProcess start(String name, Path dir, List<String> flags, Map<String, String> env) throws Exception {
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--port=0", "--host=127.0.0.1", "--data-dir=" + dir.resolve("data"), "--log-dir=" + dir.resolve("logs"),
                "--work-dir=" + dir.resolve("work"), "--shutdown-grace-ms=2000"));
        command.addAll(flags);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            return new ServerProcess(name, process, StartedLine.awaitPort(process, 60));
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("server " + name + " did not start", e);
        }
    }

    String name() {
        return name;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    /** The server JVM's resident memory (CLI processes not counted), from /proc. */
    OptionalLong rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.substring(6).replace("kB", "").strip()) * 1024);
                }
            }
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /** How many CLI processes the server has running or waiting now. */
    int cliProcesses() {
        return (int) process.descendants().filter(ProcessHandle::isAlive).count();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy(); // SIGTERM: the server kills its CLIs
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
