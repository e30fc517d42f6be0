package dev.claudeproxy.bootstrap.config;

/** Thrown by {@link ConfigLoader#load} for {@code --help}: Main prints {@link #usage()} and exits 0. */
public final class HelpRequestedException extends RuntimeException {

    public HelpRequestedException() {
        super("help requested", null, false, false);
    }

    /** The text to print. */
    public String usage() {
        return ConfigLoader.usage();
    }
}
