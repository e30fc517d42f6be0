package dev.claudeproxy.adapters.persistence;

/** A database operation failed; carries what was being done and the driver's {@link java.sql.SQLException}. */
public final class DatabaseException extends RuntimeException {

    public DatabaseException(String operation, Throwable cause) {
        super(operation + " failed: " + cause.getMessage(), cause);
    }
}
