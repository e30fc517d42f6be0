package dev.claudeproxy.adapters.persistence.trace;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;

/** An executor that only queues its tasks; the test runs them, on its own thread, when it wants the writes done. */
final class ManualExecutor implements Executor {

    private final Deque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(task);
    }

    synchronized int queued() {
        return tasks.size();
    }

    /** Runs the queued tasks, and those they queue, until none is left. */
    void runAll() {
        for (Runnable task = next(); task != null; task = next()) {
            task.run();
        }
    }

    private synchronized Runnable next() {
        return tasks.poll();
    }
}
