package io.nodelink.metrics.server.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.pb.CpuMetrics;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.server.agents.AgentForgotten;
import io.nodelink.metrics.server.agents.AgentRegistry;
import io.nodelink.metrics.server.config.ServerConfig;
import io.nodelink.metrics.server.ingest.IngestListener;
import io.nodelink.metrics.server.store.MetricsStore;
import io.nodelink.metrics.server.tasks.TaskRegistry;
import io.nodelink.metrics.server.tasks.TaskType;
import io.nodelink.metrics.server.tasks.TaskView;
import io.nodelink.metrics.server.testing.FakeChannel;
import io.nodelink.metrics.server.testing.MovableClock;
import io.nodelink.metrics.server.testing.ServerGraph;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HousekeepingTest {

  private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final ServerGraph server = new ServerGraph(clock, false, IngestListener.NONE);
  private final AgentRegistry agents = server.agents;
  private final TaskRegistry tasks = server.tasks;
  private final MetricsStore store = server.store;
  private final Housekeeping housekeeping =
      new Housekeeping(ServerConfig.defaults(), server.history, agents, tasks, clock);

  @Test
  void freesOldHistoryLongGoneAgentsAndExpiredTasksButNothingCurrent() {
    long start = clock.instant().getEpochSecond();
    FakeChannel gone = new FakeChannel("gone");
    agents.connect(gone);
    store.putMetrics("gone", cpu(start));
    TaskView goneTask = tasks.create("gone", TaskType.SYSTEM_INFO, 0, "");
    agents.disconnect(gone);
    agents.connect(new FakeChannel("online"));
    store.putMetrics("online", cpu(start));
    TaskView openTask = tasks.create("online", TaskType.METRICS_START, 5, "");
    TaskView doneTask = tasks.create("online", TaskType.SYSTEM_INFO, 0, "");
    tasks.complete(doneTask.taskId(), "done");

    clock.advanceSeconds(31 * 60); // past the 30 min retention of history, agents and tasks
    store.putMetrics("online", cpu(clock.instant().getEpochSecond()));
    Housekeeping.Report report = housekeeping.runOnce();

    assertThat(report.agents()).isEqualTo(1);
    // Two old snapshots of six cpu series each.
    assertThat(report.historyValues()).isEqualTo(12);
    assertThat(report.tasks()).isEqualTo(1);
    assertThat(agents.isKnown("gone")).isFalse();
    assertThat(store.latestMetrics("gone")).isEmpty();
    assertThat(tasks.find(goneTask.taskId())).isEmpty();
    assertThat(server.events()).contains(new AgentForgotten("gone"));
    assertThat(agents.isKnown("online")).isTrue();
    assertThat(tasks.find(openTask.taskId())).isPresent();
    assertThat(tasks.find(doneTask.taskId())).isEmpty();
    assertThat(server.history.valueCount()).isEqualTo(6);
  }

  @Test
  void aPassWithNothingToFreeReportsZeros() {
    assertThat(housekeeping.runOnce()).isEqualTo(new Housekeeping.Report(0, 0, 0));
  }

  private static MetricsDataResponse cpu(long timestamp) {
    return MetricsDataResponse.newBuilder()
        .setTimestamp(timestamp)
        .setCpu(CpuMetrics.newBuilder().setUsagePercent(1))
        .build();
  }
}
