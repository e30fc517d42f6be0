package dev.claudeproxy.adapters.persistence.logs;

import dev.claudeproxy.application.port.out.ErrorDumps;
import dev.claudeproxy.application.port.out.LogFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The log directory read back: its daily files ({@link LogFiles}) and {@code errors/} dumps ({@link ErrorDumps}). */
public final class LogDirectory implements LogFiles, ErrorDumps {

    private static final Pattern LOG_NAME = Pattern.compile("proxy-\\d{4}-\\d{2}-\\d{2}\\.log");
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_.:\\-]{1,128}");
    private static final Pattern ONLY_DOTS = Pattern.compile("\\.+");

    private final Path dir;
    private final Path errors;

    /** Reads the log directory {@code dir} (the one {@link DailyFileHandler} writes to); it need not exist yet. */
    public LogDirectory(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        this.errors = this.dir.resolve("errors");
    }

    @Override
    public String location() {
        return dir.toString();
    }

    @Override
    public List<String> names() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> LOG_NAME.matcher(f.getFileName().toString()).matches())
                    .filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .map(f -> f.getFileName().toString())
                    .sorted(Comparator.reverseOrder())
                    .toList();
        } catch (NoSuchFileException | NotDirectoryException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the log directory " + dir, e);
        }
    }

    @Override
    public Optional<LogTail> tail(String name, int lines) {
        if (lines <= 0) {
            throw new IllegalArgumentException("lines must be positive, was " + lines);
        }
        boolean valid = name != null && LOG_NAME.matcher(name).matches();
        Path file = inside(dir, name, valid, "log file name, expected proxy-YYYY-MM-DD.log");
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        // streams the file keeping only the last lines, so a large file is never held in memory
        Deque<String> last = new ArrayDeque<>();
        int total = 0;
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                total++;
                if (last.size() == lines) {
                    last.removeFirst();
                }
                last.addLast(line);
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log file " + file, e);
        }
        return Optional.of(new LogTail(name, total, List.copyOf(last)));
    }

    @Override
    public void write(String requestId, String json) {
        Path file = dumpFile(requestId);
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Path temp = null;
        try {
            Files.createDirectories(errors);
            // a private temp file then a rename: readers and concurrent writers only ever see a whole file
            temp = Files.createTempFile(errors, requestId + ".", ".tmp");
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the error dump " + file, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    @Override
    public Optional<String> read(String requestId) {
        Path file = dumpFile(requestId);
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the error dump " + file, e);
        }
    }

    private Path dumpFile(String requestId) {
        boolean valid = requestId != null && REQUEST_ID.matcher(requestId).matches()
                && !ONLY_DOTS.matcher(requestId).matches();
        return inside(errors, requestId + ".json", valid, "request id, expected 1 to 128 of A-Z a-z 0-9 _ . : -");
    }

    /** {@code parent/name}, after checking the name is valid and really names a file directly in {@code parent}. */
    private static Path inside(Path parent, String name, boolean valid, String what) {
        if (valid) {
            try {
                Path file = parent.resolve(name).normalize();
                if (parent.equals(file.getParent())) {
                    return file;
                }
            } catch (InvalidPathException e) {
                // refused below
            }
        }
        throw new IllegalArgumentException("invalid " + what);
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a stray .tmp file is harmless: it is never read as a dump
            }
        }
    }
}
