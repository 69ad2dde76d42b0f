package io.nodelink.metrics.server.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.stub.StreamObserver;
import io.nodelink.metrics.history.SimpleHistoryStore;
import io.nodelink.metrics.pb.CpuMetrics;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.TaskRequest;
import io.nodelink.metrics.server.agents.AgentRegistry;
import io.nodelink.metrics.server.config.ServerConfig;
import io.nodelink.metrics.server.grpc.AgentSession;
import io.nodelink.metrics.server.store.MetricsStore;
import io.nodelink.metrics.server.streaming.StreamingControl;
import io.nodelink.metrics.server.tasks.TaskDispatcher;
import io.nodelink.metrics.server.tasks.TaskRegistry;
import io.nodelink.metrics.server.tasks.TaskType;
import io.nodelink.metrics.server.tasks.TaskView;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class HousekeepingTest {

  private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final AgentRegistry agents = new AgentRegistry(100, clock);
  private final TaskRegistry tasks = new TaskRegistry(100, clock);
  private final TaskDispatcher dispatcher = new TaskDispatcher(agents, tasks);
  private final StreamingControl streaming = new StreamingControl(agents, tasks, dispatcher);
  private final MetricsStore store = new MetricsStore(new SimpleHistoryStore(), 100, clock);
  private final List<String> sseClosed = new CopyOnWriteArrayList<>();
  private final Housekeeping housekeeping =
      new Housekeeping(
          ServerConfig.defaults(), store, agents, tasks, streaming, sseClosed::add, clock);

  @Test
  void freesOldHistoryLongGoneAgentsAndExpiredTasksButNothingCurrent() {
    long start = clock.instant().getEpochSecond();
    AgentSession gone = session("gone");
    agents.connect(gone);
    store.putMetrics("gone", cpu(start));
    TaskView goneTask = tasks.create("gone", TaskType.SYSTEM_INFO, 0, "");
    agents.disconnect(gone);
    agents.connect(session("online"));
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
    assertThat(sseClosed).containsExactly("gone");
    assertThat(agents.isKnown("online")).isTrue();
    assertThat(tasks.find(openTask.taskId())).isPresent();
    assertThat(tasks.find(doneTask.taskId())).isEmpty();
    assertThat(store.historyValueCount()).isEqualTo(6);
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

  private static AgentSession session(String agentId) {
    return new AgentSession(
        agentId,
        new StreamObserver<TaskRequest>() {
          @Override
          public void onNext(TaskRequest value) {}

          @Override
          public void onError(Throwable t) {}

          @Override
          public void onCompleted() {}
        });
  }

  /** A clock moved by the test. */
  private static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant start) {
      now = start;
    }

    void advanceSeconds(long seconds) {
      now = now.plusSeconds(seconds);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
