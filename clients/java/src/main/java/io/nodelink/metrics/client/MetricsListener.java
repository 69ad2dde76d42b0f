package io.nodelink.metrics.client;

import io.nodelink.metrics.client.model.AgentStatus;
import io.nodelink.metrics.client.model.MetricsSnapshot;

/**
 * Receives the events of a {@link MetricsStream}. Called on the JAX-RS runtime's SSE thread: keep
 * the work short or hand it on.
 */
@FunctionalInterface
public interface MetricsListener {

  /** One snapshot of the agent. */
  void onMetrics(MetricsSnapshot snapshot);

  /** The agent went offline or came back (server extension). */
  default void onStatus(AgentStatus status) {}

  /**
   * The connection failed, or an event could not be read. The runtime reconnects by itself unless
   * the server answered with an error status (e.g. 404 for an unknown agent).
   */
  default void onError(Throwable error) {}
}
