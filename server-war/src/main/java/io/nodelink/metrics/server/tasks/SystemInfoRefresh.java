package io.nodelink.metrics.server.tasks;

/**
 * The answer to a system info refresh.
 *
 * @param task the system info task that answers it
 * @param alreadyInFlight the task was requested earlier and is still open, so no new one was sent
 */
public record SystemInfoRefresh(TaskView task, boolean alreadyInFlight) {}
