package io.nodelink.metrics.server.store;

import io.nodelink.metrics.history.HistoryStore;
import io.nodelink.metrics.history.SeriesBatch;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.SystemInfoResponse;
import io.nodelink.metrics.server.agents.AgentForgotten;
import io.nodelink.metrics.server.config.ServerConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What each agent sent: the latest snapshot and the latest system info; each snapshot's series are
 * admitted (up to the per-agent limit of series seen within the retention, {@link SeriesAdmission})
 * and appended to the {@link HistoryStore}, which readers query directly. Thread-safe; writes for
 * one agent never block another's. The latest system info survives a restart through the {@link
 * SystemInfoRepository}.
 */
@ApplicationScoped
public class MetricsStore {

  private static final Logger LOG = Logger.getLogger(MetricsStore.class.getName());

  private final Map<String, AgentData> agents = new ConcurrentHashMap<>();
  private final HistoryStore history;
  private final SeriesExtractor extractor;
  private final int maxSeriesPerAgent;
  private final long retentionSeconds;
  private final Clock clock;
  private final SystemInfoRepository systemInfos;

  @Inject
  public MetricsStore(
      HistoryStore history, ServerConfig config, Clock clock, SystemInfoRepository systemInfos) {
    this(history, config.historyMaxSeriesPerAgent(), config.historyRetention(), clock, systemInfos);
  }

  /** A store that keeps no system info across restarts, with the default retention. */
  public MetricsStore(HistoryStore history, int maxSeriesPerAgent, Clock clock) {
    this(
        history,
        maxSeriesPerAgent,
        ServerConfig.defaults().historyRetention(),
        clock,
        SystemInfoRepository.NONE);
  }

  /** With the default retention. */
  public MetricsStore(
      HistoryStore history, int maxSeriesPerAgent, Clock clock, SystemInfoRepository systemInfos) {
    this(
        history, maxSeriesPerAgent, ServerConfig.defaults().historyRetention(), clock, systemInfos);
  }

  /**
   * @param retention a series not seen for longer than this stops counting against {@code
   *     maxSeriesPerAgent}
   */
  public MetricsStore(
      HistoryStore history,
      int maxSeriesPerAgent,
      Duration retention,
      Clock clock,
      SystemInfoRepository systemInfos) {
    this.history = history;
    this.extractor = new SeriesExtractor();
    this.maxSeriesPerAgent = maxSeriesPerAgent;
    this.retentionSeconds = retention.toSeconds();
    this.clock = clock;
    this.systemInfos = systemInfos;
  }

  /** For the CDI proxy only. */
  protected MetricsStore() {
    this(null, 0, Clock.systemUTC());
  }

  /** Takes back the stored system info (runs once, before the store is used). */
  @PostConstruct
  public void restore() {
    try {
      Map<String, SystemInfoResponse> stored = systemInfos.loadAll();
      stored.forEach(
          (agentId, info) -> agents.computeIfAbsent(agentId, this::newAgent).systemInfo = info);
      LOG.log(Level.FINE, "Restored the system info of {0} agent(s)", stored.size());
    } catch (IllegalStateException e) {
      LOG.log(Level.WARNING, "System info not restored: {0}", e.getMessage());
    }
  }

  /**
   * Keeps {@code data} as the agent's latest snapshot and appends its series to the history. A
   * snapshot without a timestamp is stamped with the server's clock. A buffered snapshot (measured
   * while the agent was disconnected) goes into the history at its own time, late or not, but
   * becomes the latest only if it is newer than the latest kept.
   *
   * @return the snapshot as stored
   */
  public MetricsDataResponse putMetrics(String agentId, MetricsDataResponse data) {
    return store(agentId, data, data).snapshot();
  }

  /**
   * Like {@link #putMetrics(String, MetricsDataResponse)}, with the history's values taken from
   * {@code forHistory} (the same snapshot with NaN where a value is to be left out of the history)
   * and its time from {@code data}.
   */
  public StoredSnapshot store(
      String agentId, MetricsDataResponse data, MetricsDataResponse forHistory) {
    MetricsDataResponse stamped =
        data.getTimestamp() == 0
            ? data.toBuilder().setTimestamp(clock.instant().getEpochSecond()).build()
            : data;
    AgentData agent = agents.computeIfAbsent(agentId, this::newAgent);
    agent.keepLatest(stamped);
    SeriesBatch series = extractor.extract(forHistory);
    SeriesBatch admitted = agent.admit(series, now(), agentId);
    history.appendAll(agentId, stamped.getTimestamp(), admitted);
    int written = admitted.size();
    LOG.log(
        Level.FINER,
        "Stored snapshot of agent {0} at {1}: {2} series",
        new Object[] {agentId, stamped.getTimestamp(), written});
    return new StoredSnapshot(stamped, series);
  }

  public void putSystemInfo(String agentId, SystemInfoResponse info) {
    agents.computeIfAbsent(agentId, this::newAgent).systemInfo = info;
    systemInfos.save(agentId, info);
    LOG.log(Level.FINER, "Stored system info of agent {0}", agentId);
  }

  public Optional<MetricsDataResponse> latestMetrics(String agentId) {
    AgentData agent = agents.get(agentId);
    return agent == null ? Optional.empty() : Optional.ofNullable(agent.latest);
  }

  public Optional<SystemInfoResponse> systemInfo(String agentId) {
    AgentData agent = agents.get(agentId);
    return agent == null ? Optional.empty() : Optional.ofNullable(agent.systemInfo);
  }

  /**
   * The series of an agent counted against {@code nodelink.history.max-series-per-agent}: those
   * seen within the retention; 0 for an agent without snapshots.
   */
  public int seriesCount(String agentId) {
    AgentData agent = agents.get(agentId);
    return agent == null ? 0 : agent.series.count();
  }

  private AgentData newAgent(String agentId) {
    return new AgentData(new SeriesAdmission(maxSeriesPerAgent, retentionSeconds));
  }

  private long now() {
    return clock.instant().getEpochSecond();
  }

  /** Forgets everything about an agent: its latest data and its history. */
  public void onAgentForgotten(@Observes AgentForgotten event) {
    agents.remove(event.agentId());
    systemInfos.delete(event.agentId());
    history.removeAgent(event.agentId());
  }

  /** The latest data of one agent and the series it is admitted. */
  private static final class AgentData {
    private final SeriesAdmission series;
    private volatile MetricsDataResponse latest;
    private volatile SystemInfoResponse systemInfo;
    private volatile boolean limitLogged;

    AgentData(SeriesAdmission series) {
      this.series = series;
    }

    /** A live snapshot is the latest; a buffered one only if it is newer than the latest. */
    synchronized void keepLatest(MetricsDataResponse snapshot) {
      MetricsDataResponse current = latest;
      if (!snapshot.getBuffered()
          || current == null
          || snapshot.getTimestamp() > current.getTimestamp()) {
        latest = snapshot;
      }
    }

    /** The part of {@code batch} admitted; the first refusal is logged. */
    SeriesBatch admit(SeriesBatch batch, long nowSeconds, String agentId) {
      SeriesBatch admitted = series.admit(batch, nowSeconds);
      if (admitted.size() < batch.size() && !limitLogged) {
        limitLogged = true;
        LOG.log(
            Level.WARNING,
            "Agent {0} has {1} series seen within nodelink.history.retention"
                + " (nodelink.history.max-series-per-agent); new series are not recorded until"
                + " some are not seen for that long. Logged once per agent",
            new Object[] {agentId, series.count()});
      }
      return admitted;
    }
  }
}
