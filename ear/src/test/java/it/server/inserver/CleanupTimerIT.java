package it.server.inserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.history.Aggregation;
import io.nodelink.metrics.history.HistoryStore;
import io.nodelink.metrics.history.RangeQuery;
import io.nodelink.metrics.history.TimePoint;
import io.nodelink.metrics.server.cleanup.Housekeeping;
import io.nodelink.metrics.server.config.ServerConfig;
import io.nodelink.metrics.server.store.MetricsStore;
import io.nodelink.metrics.testkit.protocol.Snapshots;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The cleanup: a non-persistent EJB interval timer at the configured interval, and a pass that
 * applies the history tiers' retentions: raw points past the raw retention (here 60 s) live on only
 * as coarse buckets, and buckets past the coarse retention (here 400 s) are dropped.
 */
@ExtendWith(ArquillianExtension.class)
class CleanupTimerIT {

  private static final String CPU = "cpu.usage_percent";

  @Deployment
  static WebArchive deployment() {
    return Deployments.withTestKit(
            Deployments.serverWar(
                "arq-cleanup",
                Map.of(
                    "nodelink.grpc.port", Deployments.freePort(),
                    "nodelink.grpc.host", "127.0.0.1",
                    "nodelink.history.retention", "60s",
                    "nodelink.history.coarse.retention", "400s",
                    "nodelink.cleanup.interval", "10m")))
        .addClasses(CleanupTimerIT.class, TimerProbe.class, TimerProbe.TimerView.class);
  }

  @Inject TimerProbe probe;

  @Inject ServerConfig config;

  @Inject MetricsStore store;

  @Inject HistoryStore history;

  @Inject Housekeeping housekeeping;

  @Test
  void cleanupRunsOnANonPersistentIntervalTimer() {
    List<TimerProbe.TimerView> timers = probe.timers();

    assertThat(timers).as("timers of the module").hasSize(1);
    TimerProbe.TimerView cleanup = timers.get(0);
    assertThat(cleanup.persistent()).as("persistent (would need a database)").isFalse();
    assertThat(cleanup.calendar()).isFalse();
    assertThat(config.cleanupInterval()).isEqualTo(Duration.ofMinutes(10));
    assertThat(cleanup.remainingMillis())
        .as("next run within the configured interval")
        .isBetween(1L, Duration.ofMinutes(10).toMillis());
  }

  @Test
  void aPassDropsHistoryPastTheRetentionsAndKeepsTheRest() {
    long now = Snapshots.nowSeconds();
    store.putMetrics("arq-old", Snapshots.sample(now - 600, 1.0));
    store.putMetrics("arq-old", Snapshots.sample(now - 300, 2.0));
    store.putMetrics("arq-old", Snapshots.sample(now - 5, 3.0));
    assertThat(cpuHistory("arq-old", now)).containsExactly(1.0, 2.0, 3.0);

    Housekeeping.Report report = housekeeping.runOnce();

    assertThat(cpuHistory("arq-old", now))
        .as("the point past 400 s is gone; the one past 60 s survives as a coarse bucket")
        .containsExactly(2.0, 3.0);
    assertThat(report.historyValues())
        .as("raw values dropped, counted over every series")
        .isPositive();
    assertThat(store.latestMetrics("arq-old")).as("the latest snapshot stays").isPresent();
  }

  private List<Double> cpuHistory(String agentId, long now) {
    return history
        .query(agentId, new RangeQuery(Set.of(CPU), 0, now, 0, 1000, Aggregation.AVG))
        .points()
        .stream()
        .map(TimePoint::values)
        .map(values -> values.get(CPU))
        .toList();
  }
}
