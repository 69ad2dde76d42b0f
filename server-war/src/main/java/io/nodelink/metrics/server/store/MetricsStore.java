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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What each agent sent: the latest snapshot and the latest system info; each snapshot's series are
 * admitted (up to the per-agent limit) and appended to the {@link HistoryStore}, which readers
 * query directly. Thread-safe; writes for one agent never block another's. The latest system info
 * survives a restart through the {@link SystemInfoRepository}.
 */
@ApplicationScoped
public class MetricsStore {

  private static final Logger LOG = Logger.getLogger(MetricsStore.class.getName());

  private final Map<String, AgentData> agents = new ConcurrentHashMap<>();
  private final HistoryStore history;
  private final SeriesExtractor extractor;
  private final int maxSeriesPerAgent;
  private final Clock clock;
  private final SystemInfoRepository systemInfos;

  @Inject
  public MetricsStore(
      HistoryStore history, ServerConfig config, Clock clock, SystemInfoRepository systemInfos) {
    this(history, config.historyMaxSeriesPerAgent(), clock, systemInfos);
  }

  /** A store that keeps no system info across restarts. */
  public MetricsStore(HistoryStore history, int maxSeriesPerAgent, Clock clock) {
    this(history, maxSeriesPerAgent, clock, SystemInfoRepository.NONE);
  }

  public MetricsStore(
      HistoryStore history, int maxSeriesPerAgent, Clock clock, SystemInfoRepository systemInfos) {
    this.history = history;
    this.extractor = new SeriesExtractor();
    this.maxSeriesPerAgent = maxSeriesPerAgent;
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
          (agentId, info) ->
              agents.computeIfAbsent(agentId, id -> new AgentData()).systemInfo = info);
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
    return putMetrics(agentId, data, data);
  }

  /**
   * Like {@link #putMetrics(String, MetricsDataResponse)}, with the history's values taken from
   * {@code forHistory} (the same snapshot with NaN where a value is to be left out of the history)
   * and its time from {@code data}.
   */
  public MetricsDataResponse putMetrics(
      String agentId, MetricsDataResponse data, MetricsDataResponse forHistory) {
    MetricsDataResponse stamped =
        data.getTimestamp() == 0
            ? data.toBuilder().setTimestamp(clock.instant().getEpochSecond()).build()
            : data;
    AgentData agent = agents.computeIfAbsent(agentId, id -> new AgentData());
    agent.keepLatest(stamped);
    SeriesBatch admitted = agent.admit(extractor.extract(forHistory), maxSeriesPerAgent, agentId);
    history.appendAll(agentId, stamped.getTimestamp(), admitted);
    int written = admitted.size();
    LOG.log(
        Level.FINER,
        "Stored snapshot of agent {0} at {1}: {2} series",
        new Object[] {agentId, stamped.getTimestamp(), written});
    return stamped;
  }

  public void putSystemInfo(String agentId, SystemInfoResponse info) {
    agents.computeIfAbsent(agentId, id -> new AgentData()).systemInfo = info;
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

  /** Forgets everything about an agent: its latest data and its history. */
  public void onAgentForgotten(@Observes AgentForgotten event) {
    agents.remove(event.agentId());
    systemInfos.delete(event.agentId());
    history.removeAgent(event.agentId());
  }

  /** The latest data of one agent and the series names it has been admitted. */
  private static final class AgentData {
    private final Set<String> series = ConcurrentHashMap.newKeySet();
    private volatile MetricsDataResponse latest;
    private volatile SystemInfoResponse systemInfo;
    private volatile boolean limitLogged;

    /** A live snapshot is the latest; a buffered one only if it is newer than the latest. */
    synchronized void keepLatest(MetricsDataResponse snapshot) {
      MetricsDataResponse current = latest;
      if (!snapshot.getBuffered()
          || current == null
          || snapshot.getTimestamp() > current.getTimestamp()) {
        latest = snapshot;
      }
    }

    /** The last batch admitted whole: a snapshot with the same names needs no look-ups. */
    private volatile SeriesBatch lastAdmittedWhole;

    /** The part of {@code batch} admitted: known series, and new ones while under the limit. */
    SeriesBatch admit(SeriesBatch batch, int limit, String agentId) {
      if (batch.sameNamesAs(lastAdmittedWhole)) {
        return batch;
      }
      SeriesBatch admitted = new SeriesBatch(batch.size());
      for (int i = 0; i < batch.size(); i++) {
        if (admitSeries(batch.name(i), limit, agentId)) {
          admitted.add(batch.name(i), batch.value(i));
        }
      }
      if (admitted.size() == batch.size()) {
        lastAdmittedWhole = batch;
      }
      return admitted;
    }

    private boolean admitSeries(String name, int limit, String agentId) {
      if (series.contains(name)) {
        return true;
      }
      if (series.size() < limit) {
        series.add(name);
        return true;
      }
      if (!limitLogged) {
        limitLogged = true;
        LOG.log(
            Level.WARNING,
            "Agent {0} exceeds {1} series (nodelink.history.max-series-per-agent); new series"
                + " are not recorded",
            new Object[] {agentId, limit});
      }
      return false;
    }
  }
}
