package io.nodelink.metrics.server.cleanup;

import io.nodelink.metrics.server.agents.AgentRegistry;
import io.nodelink.metrics.server.config.ServerConfig;
import io.nodelink.metrics.server.sse.SseHub;
import io.nodelink.metrics.server.store.MetricsStore;
import io.nodelink.metrics.server.streaming.StreamingControl;
import io.nodelink.metrics.server.tasks.TaskRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** One cleanup pass; the timer bean runs it, tests call it directly. */
@ApplicationScoped
public class Housekeeping {

  private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());

  /**
   * What a pass freed.
   *
   * @param historyValues history values dropped
   * @param agents agents forgotten
   * @param tasks tasks expired
   */
  public record Report(long historyValues, int agents, int tasks) {}

  @Inject ServerConfig config;

  @Inject MetricsStore store;

  @Inject AgentRegistry agents;

  @Inject TaskRegistry tasks;

  @Inject StreamingControl streaming;

  @Inject SseHub sse;

  private final Clock clock = Clock.systemUTC();

  /** Drops history past retention, agents offline longer than it, and expired tasks. */
  public Report runOnce() {
    Instant now = clock.instant();
    Instant historyCutoff = now.minus(config.historyRetention());
    long values = store.evictHistoryOlderThan(historyCutoff.getEpochSecond());
    List<String> gone = agents.removeOfflineSince(historyCutoff);
    for (String agentId : gone) {
      store.removeAgent(agentId);
      tasks.removeAgent(agentId);
      streaming.forget(agentId);
      sse.closeAgent(agentId);
    }
    int expired = tasks.expireFinishedBefore(now.minus(config.tasksRetention()));
    Report report = new Report(values, gone.size(), expired);
    LOG.log(
        values + gone.size() + expired > 0 ? Level.INFO : Level.FINE,
        "Cleanup freed {0} history values, {1} offline agents {2}, {3} finished tasks;"
            + " history now ~{4} bytes",
        new Object[] {values, gone.size(), gone, expired, store.historySizeBytes()});
    return report;
  }
}
