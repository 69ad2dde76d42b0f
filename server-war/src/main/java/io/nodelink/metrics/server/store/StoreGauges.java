package io.nodelink.metrics.server.store;

import io.nodelink.metrics.history.durable.DurableHistoryStore;
import io.nodelink.metrics.history.durable.StoreStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.function.ToDoubleFunction;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** The durable store's state as MicroProfile Metrics gauges, registered at start-up. */
@ApplicationScoped
public class StoreGauges {

  @Inject HistoryStores stores;

  @Inject MetricRegistry metrics;

  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    stores.durable().ifPresent(this::register);
  }

  private void register(DurableHistoryStore store) {
    gauge(
        store,
        "nodelink.store.degraded",
        "1 while history writes to the database fail",
        s -> s.degraded() ? 1 : 0);
    gauge(
        store,
        "nodelink.store.queued.bytes",
        "History bytes waiting to be written to the database",
        StoreStatus::queuedBytes);
    gauge(
        store,
        "nodelink.store.dropped.values",
        "Raw history values dropped because the write queue was full (database down too long)",
        StoreStatus::droppedValues);
    gauge(
        store,
        "nodelink.store.shed.unflushed.values",
        "Values received while the history writer was behind that were read back from memory to be"
            + " written, instead of waiting as copies (nothing lost), since start",
        StoreStatus::shedUnflushedValues);
    gauge(
        store,
        "nodelink.store.written.chunks",
        "History chunks written to the database since start",
        StoreStatus::writtenChunks);
    gauge(
        store,
        "nodelink.store.flush.millis",
        "Duration of the last successful history flush",
        StoreStatus::lastFlushMillis);
    gauge(
        store,
        "nodelink.store.disk.bytes",
        "Bytes of history in the database (at the last cleanup)",
        StoreStatus::diskBytes);
    gauge(
        store,
        "nodelink.store.adopted.tail.records",
        "Records of unwritten history of servers taken for dead that this server wrote, since start",
        StoreStatus::adoptedTailRecords);
  }

  private void gauge(
      DurableHistoryStore store,
      String name,
      String description,
      ToDoubleFunction<StoreStatus> value) {
    metrics.gauge(
        Metadata.builder().withName(name).withDescription(description).build(),
        store,
        s -> value.applyAsDouble(s.status()));
  }
}
