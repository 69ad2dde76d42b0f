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
import java.util.function.Consumer;
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

  private final ServerConfig config;
  private final MetricsStore store;
  private final AgentRegistry agents;
  private final TaskRegistry tasks;
  private final StreamingControl streaming;
  private final Consumer<String> closeSseClients;
  private final Clock clock;

  @Inject
  public Housekeeping(
      ServerConfig config,
      MetricsStore store,
      AgentRegistry agents,
      TaskRegistry tasks,
      StreamingControl streaming,
      SseHub sse) {
    this(config, store, agents, tasks, streaming, sse::closeAgent, Clock.systemUTC());
  }

  public Housekeeping(
      ServerConfig config,
      MetricsStore store,
      AgentRegistry agents,
      TaskRegistry tasks,
      StreamingControl streaming,
      Consumer<String> closeSseClients,
      Clock clock) {
    this.config = config;
    this.store = store;
    this.agents = agents;
    this.tasks = tasks;
    this.streaming = streaming;
    this.closeSseClients = closeSseClients;
    this.clock = clock;
  }

  /** For the CDI proxy only. */
  protected Housekeeping() {
    this(null, null, null, null, null, id -> {}, Clock.systemUTC());
  }

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
      closeSseClients.accept(agentId);
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
