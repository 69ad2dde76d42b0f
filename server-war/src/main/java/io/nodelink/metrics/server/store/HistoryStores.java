package io.nodelink.metrics.server.store;

import io.nodelink.metrics.history.HistoryStore;
import io.nodelink.metrics.history.compact.CompactHistoryStore;
import io.nodelink.metrics.history.compact.HistorySettings;
import io.nodelink.metrics.history.durable.DurableHistoryStore;
import io.nodelink.metrics.history.durable.DurableSettings;
import io.nodelink.metrics.server.config.ServerConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;

/**
 * Chooses and opens the history engine once: durable in the configured data source (the default; a
 * database that cannot be reached at start-up is attached when it can, meanwhile history is kept in
 * memory and the store reports itself degraded), or memory only when the store is disabled or the
 * data source is missing or misconfigured (then nothing of this run survives a restart, which the
 * health check and the log say).
 */
@ApplicationScoped
public class HistoryStores {

  private static final Logger LOG = Logger.getLogger(HistoryStores.class.getName());

  @Inject ServerConfig config;

  @Inject Clock clock;

  @Inject Config mpConfig;

  /** Runs the history's budget passes, off the ingestion call that noticed the overflow. */
  @Resource(lookup = "concurrent/nodelinkExecutor")
  ManagedExecutorService executor;

  private HistoryStore history;
  private DurableHistoryStore durable;
  private String memoryOnlyReason;

  @PostConstruct
  void open() {
    HistorySettings settings = memorySettings();
    if (!config.storeEnabled()) {
      memoryOnly(settings, config.STORE_ENABLED + " is false");
      return;
    }
    try {
      DataSource dataSource = InitialContext.doLookup(config.storeDataSource());
      durable = DurableHistoryStore.open(dataSource, settings, durableSettings(), executor, clock);
      history = durable;
    } catch (NamingException | SQLException | RuntimeException e) {
      LOG.log(
          Level.SEVERE,
          "History database "
              + config.storeDataSource()
              + " could not be opened; keeping history in memory only for this run",
          e);
      memoryOnly(settings, "database could not be opened: " + e);
    }
  }

  private void memoryOnly(HistorySettings settings, String reason) {
    memoryOnlyReason = reason;
    history = new CompactHistoryStore(settings, executor);
  }

  private HistorySettings memorySettings() {
    return new HistorySettings(
        config.historyRetention(),
        config.historyCoarseInterval(),
        config.historyCoarseRetention(),
        config.historyChunkSize(),
        config.historyMemoryBudgetBytes(),
        config.historyChunkWindow());
  }

  private DurableSettings durableSettings() {
    return new DurableSettings(
            config.storeFlushInterval(),
            config.storeQueueMaxBytes(),
            tier(config.storeRaw()),
            tier(config.storeMinute()),
            tier(config.storeHour()))
        .withWriterId(writerId())
        .withWriterTimeout(config.storeWriterTimeout());
  }

  /**
   * Each server sharing the database writes under an id of its own: {@code
   * nodelink.store.writer-id}, else its cluster node id, else {@code default} (a single server).
   */
  private String writerId() {
    return setting(ServerConfig.STORE_WRITER_ID)
        .or(() -> Optional.of(config.clusterNodeId()).filter(id -> !id.isEmpty()))
        .orElse(DurableSettings.defaults().writerId());
  }

  private Optional<String> setting(String key) {
    return mpConfig
        .getOptionalValue(key, String.class)
        .map(String::strip)
        .filter(s -> !s.isEmpty());
  }

  private static DurableSettings.TierLimits tier(ServerConfig.StoreTier tier) {
    return new DurableSettings.TierLimits(tier.retention(), tier.maxBytes());
  }

  public HistoryStore history() {
    return history;
  }

  /** The durable store, unless history is kept in memory only. */
  public Optional<DurableHistoryStore> durable() {
    return Optional.ofNullable(durable);
  }

  /** Why history is kept in memory only, if it is. */
  public Optional<String> memoryOnlyReason() {
    return Optional.ofNullable(memoryOnlyReason);
  }
}
