package io.nodelink.metrics.server.cleanup;

import io.nodelink.metrics.history.HistoryStore;
import io.nodelink.metrics.history.MaintenanceReport;
import io.nodelink.metrics.server.agents.AgentRegistry;
import io.nodelink.metrics.server.config.ServerConfig;
import io.nodelink.metrics.server.tasks.TaskRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One cleanup pass; the timer bean runs it, tests call it directly. It only decides what expires:
 * the history applies its retentions, the registry forgets agents offline past the retention (and
 * publishes that to whoever holds data of theirs), the task registry drops old finished tasks.
 */
@ApplicationScoped
public class Housekeeping {

  private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());

  /**
   * What a pass freed.
   *
   * @param historyValues raw history values that left the raw tier
   * @param agents agents forgotten
   * @param tasks tasks expired
   */
  public record Report(long historyValues, int agents, int tasks) {}

  private final ServerConfig config;
  private final HistoryStore history;
  private final AgentRegistry agents;
  private final TaskRegistry tasks;
  private final Clock clock;

  @Inject
  public Housekeeping(
      ServerConfig config,
      HistoryStore history,
      AgentRegistry agents,
      TaskRegistry tasks,
      Clock clock) {
    this.config = config;
    this.history = history;
    this.agents = agents;
    this.tasks = tasks;
    this.clock = clock;
  }

  /** For the CDI proxy only. */
  protected Housekeeping() {
    this(null, null, null, null, Clock.systemUTC());
  }

  /** Applies the history's retentions, forgets long-gone agents and expires old tasks. */
  public Report runOnce() {
    Instant now = clock.instant();
    MaintenanceReport kept = history.maintain(now.getEpochSecond());
    List<String> gone = agents.forgetOfflineSince(now.minus(config.historyRetention()));
    int expired = tasks.expireFinishedBefore(now.minus(config.tasksRetention()));
    Report report = new Report(kept.rolledUpValues(), gone.size(), expired);
    LOG.log(
        kept.rolledUpValues() + gone.size() + expired > 0 ? Level.INFO : Level.FINE,
        "Cleanup rolled up {0} raw history values and dropped {1} coarse buckets, forgot {2}"
            + " offline agents {3}, expired {4} finished tasks; history now ~{5} bytes",
        new Object[] {
          kept.rolledUpValues(),
          kept.droppedBuckets(),
          gone.size(),
          gone,
          expired,
          kept.bytesAfter()
        });
    return report;
  }
}
