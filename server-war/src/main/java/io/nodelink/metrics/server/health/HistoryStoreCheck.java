package io.nodelink.metrics.server.health;

import io.nodelink.metrics.history.durable.StoreStatus;
import io.nodelink.metrics.server.store.HistoryStores;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * How the history's database is doing. Always UP: a database outage must not make the server look
 * dead or unready (ingestion, SSE and live queries go on from memory); {@code state} says {@code
 * ok}, {@code degraded} (writes failing, data queued in memory) or {@code memory-only} (nothing
 * survives a restart).
 */
@Liveness
@ApplicationScoped
public class HistoryStoreCheck implements HealthCheck {

  @Inject HistoryStores stores;

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder response = HealthCheckResponse.named("history-store").up();
    if (stores.durable().isEmpty()) {
      return response
          .withData("state", "memory-only")
          .withData("reason", stores.memoryOnlyReason().orElse(""))
          .build();
    }
    StoreStatus status = stores.durable().get().status();
    response
        .withData("state", status.degraded() ? "degraded" : "ok")
        .withData("queued_bytes", status.queuedBytes())
        .withData("dropped_values", status.droppedValues())
        .withData("shed_unflushed_values", status.shedUnflushedValues())
        .withData("written_chunks", status.writtenChunks())
        .withData("last_flush_ms", status.lastFlushMillis())
        .withData("tail_records", status.tailRecords())
        .withData("adopted_tail_records", status.adoptedTailRecords());
    status.lastError().ifPresent(error -> response.withData("last_error", error));
    return response.build();
  }
}
