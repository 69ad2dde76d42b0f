package io.nodelink.metrics.server.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nodelink.metrics.pb.TaskCancelResponse;
import io.nodelink.metrics.pb.TaskResponse;
import io.nodelink.metrics.server.domain.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TaskRegistryTest {

  private final MutableClock clock = new MutableClock();
  private final TaskRegistry tasks = new TaskRegistry(3, clock);

  @Test
  void acknowledgementsMoveATaskThroughItsStatuses() {
    TaskView task = tasks.create("a1", TaskType.METRICS_START, 5, "streaming");
    assertThat(task.status()).isEqualTo(TaskStatus.PENDING);

    tasks.applyResponse("a1", response(task, TaskResponse.Status.IN_PROGRESS, false));
    assertThat(status(task)).isEqualTo(TaskStatus.IN_PROGRESS);

    TaskView done =
        tasks
            .applyResponse("a1", response(task, TaskResponse.Status.COMPLETED, true))
            .orElseThrow();
    assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(done.isFinal()).isTrue();
  }

  @Test
  void finalStatusIsNeverLeft() {
    TaskView task = tasks.create("a1", TaskType.SYSTEM_INFO, 0, "");
    tasks.applyResponse("a1", response(task, TaskResponse.Status.COMPLETED, true));

    tasks.applyResponse("a1", response(task, TaskResponse.Status.IN_PROGRESS, false));

    assertThat(status(task)).isEqualTo(TaskStatus.COMPLETED);
  }

  @Test
  void failureCarriesTheAgentsReason() {
    TaskView task = tasks.create("a1", TaskType.METRICS_START, 500, "");

    tasks.applyResponse(
        "a1",
        response(task, TaskResponse.Status.FAILURE, true).toBuilder()
            .setTaskCancel(TaskCancelResponse.newBuilder().setMessage("interval out of range"))
            .build());

    TaskView failed = tasks.find(task.taskId()).orElseThrow();
    assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(failed.error()).isEqualTo("interval out of range");
  }

  @Test
  void cancelledCompletionIsCancelled() {
    TaskView task = tasks.create("a1", TaskType.METRICS_START, 5, "");

    tasks.applyResponse(
        "a1",
        response(task, TaskResponse.Status.COMPLETED, true).toBuilder().setCancelled(true).build());

    assertThat(status(task)).isEqualTo(TaskStatus.CANCELLED);
  }

  @Test
  void anotherAgentCannotTouchATask() {
    TaskView task = tasks.create("a1", TaskType.SYSTEM_INFO, 0, "");

    assertThat(tasks.applyResponse("a2", response(task, TaskResponse.Status.COMPLETED, true)))
        .isEmpty();
    assertThat(status(task)).isEqualTo(TaskStatus.PENDING);
  }

  @Test
  void disconnectFailsOnlyOpenTasksOfThatAgent() {
    TaskView open = tasks.create("a1", TaskType.SYSTEM_INFO, 0, "");
    TaskView other = tasks.create("a2", TaskType.SYSTEM_INFO, 0, "");

    assertThat(tasks.failOpen("a1", "gone")).isEqualTo(1);

    assertThat(status(open)).isEqualTo(TaskStatus.FAILED);
    assertThat(status(other)).isEqualTo(TaskStatus.PENDING);
  }

  @Test
  void finishedTasksExpireAfterTheRetentionOpenOnesDoNot() {
    TaskView finished = tasks.create("a1", TaskType.SYSTEM_INFO, 0, "");
    TaskView open = tasks.create("a1", TaskType.METRICS_START, 5, "");
    tasks.complete(finished.taskId(), "done");
    clock.advance(600);

    assertThat(tasks.expireFinishedBefore(clock.instant().minusSeconds(300))).isEqualTo(1);

    assertThat(tasks.find(finished.taskId())).isEmpty();
    assertThat(tasks.find(open.taskId())).isPresent();
  }

  @Test
  void theTaskLimitIsAClearError() {
    tasks.create("a1", TaskType.SYSTEM_INFO, 0, "");
    tasks.create("a1", TaskType.SYSTEM_INFO, 0, "");
    tasks.create("a1", TaskType.SYSTEM_INFO, 0, "");

    assertThatThrownBy(() -> tasks.create("a1", TaskType.SYSTEM_INFO, 0, ""))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.LIMIT_REACHED));
  }

  @Test
  void tasksOfAnAgentAreListedNewestFirst() {
    TaskView older = tasks.create("a1", TaskType.SYSTEM_INFO, 0, "");
    clock.advance(1);
    TaskView newer = tasks.create("a1", TaskType.METRICS_START, 5, "");

    assertThat(tasks.forAgent("a1"))
        .extracting(TaskView::taskId)
        .containsExactly(newer.taskId(), older.taskId());
  }

  @Test
  void expiredAndRemovedTasksLeaveTheAgentsListing() {
    TaskRegistry registry = new TaskRegistry(100, clock);
    TaskView finished = registry.create("a1", TaskType.SYSTEM_INFO, 0, "");
    TaskView open = registry.create("a1", TaskType.METRICS_START, 5, "");
    TaskView otherAgents = registry.create("a2", TaskType.METRICS_START, 5, "");
    registry.complete(finished.taskId(), "done");
    clock.advance(600);

    registry.expireFinishedBefore(clock.instant().minusSeconds(300));

    assertThat(registry.forAgent("a1")).extracting(TaskView::taskId).containsExactly(open.taskId());
    registry.removeAgent("a1");
    assertThat(registry.forAgent("a1")).isEmpty();
    assertThat(registry.find(open.taskId())).isEmpty();
    assertThat(registry.failOpen("a1", "gone")).isZero();
    assertThat(registry.forAgent("a2"))
        .extracting(TaskView::taskId)
        .containsExactly(otherAgents.taskId());
    assertThat(registry.size()).isEqualTo(1);
  }

  @Test
  void aTaskCreatedUnderAnExistingIdReplacesItInTheListingToo() {
    TaskRegistry registry = new TaskRegistry(100, clock);
    registry.create("t1", "a1", TaskType.SYSTEM_INFO, 0, "");

    registry.create("t1", "a2", TaskType.SYSTEM_INFO, 0, "");

    assertThat(registry.forAgent("a1")).isEmpty();
    assertThat(registry.forAgent("a2")).extracting(TaskView::taskId).containsExactly("t1");
  }

  private TaskStatus status(TaskView task) {
    return tasks.find(task.taskId()).orElseThrow().status();
  }

  private static TaskResponse response(TaskView task, TaskResponse.Status status, boolean fin) {
    return TaskResponse.newBuilder()
        .setTaskId(task.taskId())
        .setStatus(status)
        .setIsFinal(fin)
        .build();
  }

  /** A clock the test moves by hand. */
  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(long seconds) {
      now = now.plusSeconds(seconds);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
