package io.nodelink.metrics.server.store;

import io.nodelink.metrics.history.HistoryStore;
import io.nodelink.metrics.history.compact.CompactHistoryStore;
import io.nodelink.metrics.history.compact.HistorySettings;
import io.nodelink.metrics.server.config.ServerConfig;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/** The one place that chooses the history engine: the compact, tiered store. */
@ApplicationScoped
public class HistoryStoreProducer {

  @Inject ServerConfig config;

  /** Runs the history's budget passes, off the ingestion call that noticed the overflow. */
  @Resource(lookup = "concurrent/nodelinkExecutor")
  ManagedExecutorService executor;

  @Produces
  @ApplicationScoped
  HistoryStore historyStore() {
    return new CompactHistoryStore(
        new HistorySettings(
            config.historyRetention(),
            config.historyCoarseInterval(),
            config.historyCoarseRetention(),
            config.historyChunkSize(),
            config.historyMemoryBudgetBytes()),
        executor);
  }
}
