package dev.claudeproxy.adapters.persistence;

import dev.claudeproxy.application.port.out.HealthProbe;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Objects;
import javax.sql.DataSource;

/** The health check of the database: a {@code SELECT 1} on a pooled connection, given two seconds to answer. */
public final class DatabaseProbe implements HealthProbe {

    static final int QUERY_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;

    /** Checks the database behind {@code dataSource}, e.g. {@link Database#dataSource()}. */
    public DatabaseProbe(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public Result check() {
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            try (ResultSet row = statement.executeQuery("SELECT 1")) {
                if (!row.next() || row.getInt(1) != 1) {
                    return Result.down("SELECT 1 did not answer 1");
                }
            }
            return Result.up("SELECT 1 answered in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        } catch (Exception e) {
            // a disposed pool throws an unchecked exception, a closed database an SQLException
            return Result.down(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
