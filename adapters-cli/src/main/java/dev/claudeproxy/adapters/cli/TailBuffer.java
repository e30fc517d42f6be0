package dev.claudeproxy.adapters.cli;

/** Keeps the last few kilobytes of a text stream, such as a process's stderr. */
final class TailBuffer {

    private final int capacity;
    private final StringBuilder text = new StringBuilder();

    TailBuffer(int capacity) {
        this.capacity = capacity;
    }

    synchronized void append(String line) {
        text.append(line).append('\n');
        if (text.length() > capacity) {
            text.delete(0, text.length() - capacity);
        }
    }

    @Override
    public synchronized String toString() {
        return text.toString().strip();
    }
}
