package dev.claudeproxy.application.testing;

import dev.claudeproxy.application.port.out.IdGenerator;
import java.util.concurrent.atomic.AtomicLong;

/** Predictable, well-formed ids: the prefix and a 24-digit counter ({@code msg_000000000000000000000001}). */
public final class SequenceIds implements IdGenerator {

    private final AtomicLong counter = new AtomicLong();

    @Override
    public String next(String prefix) {
        return prefix + "%024d".formatted(counter.incrementAndGet());
    }
}
