package io.nodelink.metrics.client;

import io.nodelink.metrics.client.model.AgentStatus;
import io.nodelink.metrics.client.model.MetricsSnapshot;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.InboundSseEvent;
import jakarta.ws.rs.sse.SseEventSource;
import java.util.concurrent.TimeUnit;

/**
 * A live Server-Sent Events subscription to one agent's snapshots. The server streams on the agent
 * while at least one such subscription is open; {@link #close()} it when done.
 */
public final class MetricsStream implements AutoCloseable {

  /** The SSE event carrying a {@link MetricsSnapshot}. */
  public static final String METRICS_EVENT = "metrics";

  /** The SSE event carrying an {@link AgentStatus} (extension). */
  public static final String STATUS_EVENT = "status";

  private final SseEventSource source;
  private final MetricsListener listener;

  MetricsStream(SseEventSource source, MetricsListener listener) {
    this.source = source;
    this.listener = listener;
  }

  /** Registers the listener and connects. */
  void open() {
    source.register(this::dispatch, listener::onError);
    source.open();
  }

  private void dispatch(InboundSseEvent event) {
    String name = event.getName();
    try {
      if (METRICS_EVENT.equals(name)) {
        listener.onMetrics(event.readData(MetricsSnapshot.class, MediaType.APPLICATION_JSON_TYPE));
      } else if (STATUS_EVENT.equals(name)) {
        listener.onStatus(event.readData(AgentStatus.class, MediaType.APPLICATION_JSON_TYPE));
      }
    } catch (RuntimeException e) {
      listener.onError(e);
    }
  }

  /** True while connected or reconnecting; false once closed (by either side for good). */
  public boolean isOpen() {
    return source.isOpen();
  }

  /** Disconnects; the server stops streaming on the agent after its last client. */
  @Override
  public void close() {
    source.close(5, TimeUnit.SECONDS);
  }
}
