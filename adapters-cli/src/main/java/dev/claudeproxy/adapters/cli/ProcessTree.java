package dev.claudeproxy.adapters.cli;

import java.util.List;

/** Kills a process together with every process it started. */
final class ProcessTree {

    private ProcessTree() {
    }

    static void kill(ProcessHandle root) {
        // collect the children first: once the root dies they are re-parented and out of reach
        List<ProcessHandle> descendants = root.descendants().toList();
        root.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }
}
