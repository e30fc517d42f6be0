package dev.claudeproxy.bootstrap;

import dev.claudeproxy.application.port.out.IdGenerator;
import dev.claudeproxy.domain.id.Ids;
import java.security.SecureRandom;

/** Ids from a {@link SecureRandom}: unguessable, as request and message ids are shown to clients. */
final class SecureRandomIds implements IdGenerator {

    private final SecureRandom random = new SecureRandom();

    @Override
    public String next(String prefix) {
        return Ids.next(prefix, random);
    }
}
