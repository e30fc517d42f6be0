package dev.claudeproxy.application.port.in;

/** Reports the admission queue's state. */
public interface QueueStatusQuery {

    QueueStatus queueStatus();
}
