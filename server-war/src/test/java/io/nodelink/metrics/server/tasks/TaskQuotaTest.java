package io.nodelink.metrics.server.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nodelink.metrics.server.agents.AgentEvents;
import io.nodelink.metrics.server.agents.AgentRegistry;
import io.nodelink.metrics.server.domain.DomainException;
import io.nodelink.metrics.server.testing.FakeChannel;
import io.nodelink.metrics.server.testing.MovableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One agent's open tasks are capped, and a refresh in flight is joined instead of repeated. */
class TaskQuotaTest {

  private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final TaskRegistry tasks = new TaskRegistry(1000, 3, clock, TaskRepository.NONE);
  private final AgentRegistry agents = new AgentRegistry(10, clock, AgentEvents.NONE);
  private final TaskDispatcher dispatcher = new TaskDispatcher(agents, tasks);

  @Test
  void anAgentWithTooManyOpenTasksGets503WithRetryAfterOthersDoNot() {
    TaskView first = tasks.create("a1", TaskType.SYSTEM_INFO, 0, "x");
    tasks.create("a1", TaskType.SYSTEM_INFO, 0, "x");
    tasks.create("a1", TaskType.SYSTEM_INFO, 0, "x");

    assertThatThrownBy(() -> tasks.create("a1", TaskType.SYSTEM_INFO, 0, "x"))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(DomainException.Kind.LIMIT_REACHED);
              assertThat(e.retryAfterSeconds()).isEqualTo(TaskRegistry.OPEN_TASKS_RETRY_SECONDS);
              assertThat(e.getMessage()).contains("nodelink.tasks.max-per-agent");
            });
    tasks.create("a2", TaskType.SYSTEM_INFO, 0, "x");

    tasks.complete(first.taskId(), "done");
    tasks.create("a1", TaskType.SYSTEM_INFO, 0, "x"); // a finished task no longer counts
  }

  @Test
  void aRefreshWhileOneIsInFlightReturnsThatTaskAndSendsNothing() {
    FakeChannel channel = new FakeChannel("a1");
    agents.connect(channel);

    SystemInfoRefresh first = dispatcher.refreshSystemInfo("a1");
    SystemInfoRefresh again = dispatcher.refreshSystemInfo("a1");

    assertThat(first.alreadyInFlight()).isFalse();
    assertThat(again.alreadyInFlight()).isTrue();
    assertThat(again.task().taskId()).isEqualTo(first.task().taskId());
    assertThat(channel.sent()).hasSize(1);

    tasks.complete(first.task().taskId(), "answered");
    SystemInfoRefresh later = dispatcher.refreshSystemInfo("a1");
    assertThat(later.alreadyInFlight()).isFalse();
    assertThat(later.task().taskId()).isNotEqualTo(first.task().taskId());
    assertThat(channel.sent()).hasSize(2);
  }

  @Test
  void anAgentThatReconnectsAgainAndAgainKeepsOnlyItsNewestFinishedTasks() {
    TaskRegistry registry = new TaskRegistry(1000, 3, 2, clock, TaskRepository.NONE);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      TaskView task = registry.create("a1", TaskType.SYSTEM_INFO, 0, "x");
      registry.fail(task.taskId(), "the agent reconnected before answering");
      ids.add(task.taskId());
      clock.advanceSeconds(1);
    }
    TaskView other = registry.create("a2", TaskType.SYSTEM_INFO, 0, "x");
    registry.complete(other.taskId(), "done");

    TaskView open = registry.create("a1", TaskType.SYSTEM_INFO, 0, "x");

    assertThat(registry.forAgent("a1"))
        .extracting(TaskView::taskId)
        .containsExactly(open.taskId(), ids.get(4), ids.get(3));
    assertThat(registry.find(ids.get(0))).isEmpty();
    assertThat(registry.find(other.taskId())).as("another agent's task").isPresent();
  }
}
