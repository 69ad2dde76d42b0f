package io.nodelink.metrics.server.alerts;

/**
 * CDI event: an alert changed state. Observers must not block (they run on the evaluation task):
 * SSE queues it, notifications queue it.
 *
 * @param alert the alert after the change
 * @param transition the change, as the alert log has it
 */
public record AlertChanged(Alert alert, AlertTransition transition) {}
