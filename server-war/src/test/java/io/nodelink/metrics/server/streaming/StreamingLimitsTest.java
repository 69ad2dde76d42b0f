package io.nodelink.metrics.server.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.pb.TaskRequest;
import io.nodelink.metrics.server.agents.AgentConnected;
import io.nodelink.metrics.server.agents.AgentEvents;
import io.nodelink.metrics.server.agents.AgentRegistry;
import io.nodelink.metrics.server.tasks.TaskDispatcher;
import io.nodelink.metrics.server.tasks.TaskRegistry;
import io.nodelink.metrics.server.tasks.TaskRepository;
import io.nodelink.metrics.server.tasks.TaskType;
import io.nodelink.metrics.server.tasks.TaskView;
import io.nodelink.metrics.server.testing.FakeChannel;
import io.nodelink.metrics.server.testing.MovableClock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The streaming interval floor, and failed streaming commands shown in the agent's status. */
class StreamingLimitsTest {

  private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final AgentRegistry agents = new AgentRegistry(10, clock, AgentEvents.NONE);
  private final FakeChannel channel = new FakeChannel("a1");

  private StreamingControl control(TaskRegistry tasks, int minIntervalSeconds) {
    agents.connect(channel);
    StreamingControl control =
        new StreamingControl(
            agents,
            tasks,
            new TaskDispatcher(agents, tasks),
            0,
            HoldRepository.NONE,
            minIntervalSeconds,
            clock);
    control.onAgentConnected(new AgentConnected("a1")); // the registry's event, not wired here
    return control;
  }

  private int lastStreamInterval() {
    List<TaskRequest> sent = channel.sent();
    return sent.get(sent.size() - 1).getMetricsRequest().getStreamRequest().getIntervalSeconds();
  }

  @Test
  void intervalsBelowTheFloorAreRaisedToIt() {
    StreamingControl streaming = control(new TaskRegistry(1000, clock), 5);

    streaming.holdForClient("a1", "sse-1", 1);
    assertThat(lastStreamInterval()).isEqualTo(5);

    ManualStart manual = streaming.startManual("a1", 2, List.of());
    assertThat(manual.requestedInterval()).isEqualTo(5);
    assertThat(streaming.status("a1").intervalSeconds()).isEqualTo(5);

    ManualStart slower = streaming.startManual("a1", 30, List.of());
    assertThat(slower.requestedInterval()).isEqualTo(30);
  }

  @Test
  void aStartRefusedForTheTaskQuotaShowsInTheStatusUntilALaterOneGoesOut() {
    TaskRegistry tasks = new TaskRegistry(1000, 2, clock, TaskRepository.NONE);
    StreamingControl streaming = control(tasks, 1);
    TaskView blocking = tasks.create("a1", TaskType.SYSTEM_INFO, 0, "never answered");
    TaskView alsoBlocking = tasks.create("a1", TaskType.SYSTEM_INFO, 0, "never answered");

    streaming.holdForClient("a1", "sse-1", 5);
    assertThat(streaming.status("a1").lastError()).contains("open tasks");

    tasks.complete(blocking.taskId(), "answered");
    tasks.complete(alsoBlocking.taskId(), "answered");
    streaming.releaseClient("a1", "sse-1");
    streaming.holdForClient("a1", "sse-2", 5);
    assertThat(streaming.status("a1").lastError()).isEmpty();
  }

  @Test
  void aStartTheAgentRefusesShowsInTheStatus() {
    TaskRegistry tasks = new TaskRegistry(1000, clock);
    StreamingControl streaming = control(tasks, 1);
    streaming.holdForClient("a1", "sse-1", 5);
    String taskId = streaming.status("a1").taskId();

    tasks.fail(taskId, "collector unavailable");
    streaming.taskFinished("a1", tasks.find(taskId).orElseThrow());

    assertThat(streaming.status("a1").lastError()).isEqualTo("collector unavailable");
  }
}
