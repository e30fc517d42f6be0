package dev.claudeproxy.adapters.persistence.logs;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/** Appends each record, flushed at once, to {@code <dir>/proxy-YYYY-MM-DD.log} named by the record's UTC date. */
public final class DailyFileHandler extends Handler {

    private final Path dir;
    private LocalDate openDate;
    private Writer writer;
    private boolean closed;

    /** Writes JSON lines into {@code dir}, which is created now if missing. */
    public DailyFileHandler(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the log directory " + this.dir, e);
        }
        setFormatter(new JsonLineFormatter());
    }

    /** The name of the log file for a day: {@code proxy-YYYY-MM-DD.log}. */
    public static String fileName(LocalDate date) {
        return "proxy-" + date + ".log";
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (closed || !isLoggable(record)) {
            return;
        }
        String line;
        try {
            line = getFormatter().format(record);
        } catch (RuntimeException e) {
            reportError("cannot format a log record", e, ErrorManager.FORMAT_FAILURE);
            return;
        }
        // the file follows the records' dates, so a late record from before midnight goes back to its own day
        try {
            writerFor(LocalDate.ofInstant(record.getInstant(), ZoneOffset.UTC)).write(line);
            writer.flush();
        } catch (IOException e) {
            closeWriter();
            reportError("cannot write to the log file in " + dir, e, ErrorManager.WRITE_FAILURE);
        }
    }

    private Writer writerFor(LocalDate date) throws IOException {
        if (writer == null || !date.equals(openDate)) {
            closeWriter();
            Files.createDirectories(dir);
            writer = new OutputStreamWriter(Files.newOutputStream(dir.resolve(fileName(date)),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND), StandardCharsets.UTF_8);
            openDate = date;
        }
        return writer;
    }

    @Override
    public synchronized void flush() {
        if (writer != null) {
            try {
                writer.flush();
            } catch (IOException e) {
                reportError("cannot flush the log file", e, ErrorManager.FLUSH_FAILURE);
            }
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeWriter();
    }

    private void closeWriter() {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                reportError("cannot close the log file", e, ErrorManager.CLOSE_FAILURE);
            }
            writer = null;
            openDate = null;
        }
    }
}
