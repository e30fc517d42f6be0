package dev.claudeproxy.adapters.cli;

/** Decides, when a turn ends, whether its CLI process is kept for its session's next turn instead of ending. */
interface ProcessKeeper {

    /** Keeps nothing: every process ends with its turn. */
    ProcessKeeper NONE = new ProcessKeeper() {
        @Override
        public void sessionStarted(String sessionId) {
        }

        @Override
        public boolean keep(CliProcess process, boolean completed) {
            return false;
        }
    };

    /** The turn's {@code system/init} named its CLI session. */
    void sessionStarted(String sessionId);

    /** The turn ended, {@code completed} or not; true if the process was kept (the turn must then leave it be). */
    boolean keep(CliProcess process, boolean completed);
}
