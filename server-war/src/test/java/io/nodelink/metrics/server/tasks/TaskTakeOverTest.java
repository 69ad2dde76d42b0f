package io.nodelink.metrics.server.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.server.database.StateDatabase;
import io.nodelink.metrics.server.testing.DatabaseKind;
import io.nodelink.metrics.server.testing.TestDatabases;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Servers of a cluster on one database: the tasks of one that is gone go to one still alive. */
@ExtendWith(TestDatabases.class)
class TaskTakeOverTest {

  private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC);
  private final TestDatabases databases;

  TaskTakeOverTest(TestDatabases databases) {
    this.databases = databases;
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void openTasksOfAGoneServerFailOnTheServerThatTakesThemOver(DatabaseKind kind) throws Exception {
    StateDatabase state = databases.state(databases.fresh(kind));
    TaskRegistry onGone = registry(state, "gone");
    TaskView open = onGone.create("x", TaskType.METRICS_START, 1, "streaming every 1 s");
    TaskView done = onGone.create("x", TaskType.SYSTEM_INFO, 0, "");
    onGone.complete(done.taskId(), "done");
    state.flush();

    TaskRegistry onA = registry(state, "a");
    assertThat(onA.find(open.taskId())).isEmpty();
    assertThat(onA.holderOf(open.taskId())).contains("gone");
    assertThat(onA.otherHolders()).containsExactly("gone");

    assertThat(onA.takeOver("gone")).isEqualTo(2);
    assertThat(registry(state, "b").takeOver("gone")).as("taken by a already").isZero();

    TaskView failed = onA.find(open.taskId()).orElseThrow();
    assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(failed.error()).isEqualTo("server gone stopped before the task finished");
    assertThat(onA.find(done.taskId()).orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);
    state.flush();
    assertThat(registry(state, "a").find(open.taskId()))
        .as("a's after its own restart")
        .hasValueSatisfying(t -> assertThat(t.status()).isEqualTo(TaskStatus.FAILED));
    assertThat(onA.otherHolders()).isEmpty();
  }

  private TaskRegistry registry(StateDatabase state, String server) {
    TaskRegistry registry = new TaskRegistry(100, clock, new JdbcTaskRepository(state, server));
    registry.restore();
    return registry;
  }
}
