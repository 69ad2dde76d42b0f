package io.nodelink.metrics.server.store;

import io.nodelink.metrics.history.durable.DurableHistoryStore;
import io.nodelink.metrics.server.config.ServerConfig;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Opens the history store before agents can connect, writes it every {@code
 * nodelink.store.flush-interval}, and writes the rest when the application stops, after the gRPC
 * server has stopped taking snapshots.
 */
@ApplicationScoped
public class HistoryFlushing {

  private static final Logger LOG = Logger.getLogger(HistoryFlushing.class.getName());

  @Inject HistoryStores stores;

  @Inject ServerConfig config;

  @Resource ManagedScheduledExecutorService scheduler;

  private static final int MAX_SLICES = 5;

  private volatile ScheduledFuture<?> flushes;

  /** Before the gRPC server starts (its observer has the default priority). */
  void start(
      @Observes
          @Priority(Interceptor.Priority.APPLICATION + 100)
          @Initialized(ApplicationScoped.class)
          Object ignored) {
    stores.durable().ifPresent(this::schedule);
  }

  /**
   * A slice of the agents about every second, each agent once per flush interval: at thousands of
   * agents one flush of everyone is a burst of a few hundred milliseconds of CPU that delays the
   * snapshots arriving meanwhile. At a fixed rate, not a fixed delay: a slow flush makes the next
   * ones catch up, so every agent is still written once per interval (with a fixed delay each
   * slice's wait grew by every flush's duration, and a `kill -9` could lose more than the
   * interval).
   */
  private void schedule(DurableHistoryStore store) {
    long interval = config.storeFlushInterval().toMillis();
    int slices = (int) Math.max(1, Math.min(MAX_SLICES, interval / 1000));
    long millis = interval / slices;
    flushes =
        scheduler.scheduleAtFixedRate(
            () -> flush(store, slices), millis, millis, TimeUnit.MILLISECONDS);
  }

  private static void flush(DurableHistoryStore store, int slices) {
    try {
      store.flushSlice(slices);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "History flush failed; retrying at the next one", e);
    }
  }

  /** After the gRPC server stopped (its observer has the default priority). */
  void stop(
      @Observes
          @Priority(Interceptor.Priority.APPLICATION + 900)
          @BeforeDestroyed(ApplicationScoped.class)
          Object ignored) {
    ScheduledFuture<?> scheduled = flushes;
    if (scheduled != null) {
      scheduled.cancel(false);
    }
    stores.durable().ifPresent(DurableHistoryStore::close);
  }
}
