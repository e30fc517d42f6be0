package dev.claudeproxy.bootstrap.e2e;

import dev.claudeproxy.application.port.out.IdGenerator;
import dev.claudeproxy.domain.id.Ids;
import java.util.Random;

/** Well-formed ids from a seeded generator, so test runs are repeatable. */
final class TestIds implements IdGenerator {

    private final Random random = new Random(42);

    @Override
    public synchronized String next(String prefix) {
        return Ids.next(prefix, random);
    }
}
