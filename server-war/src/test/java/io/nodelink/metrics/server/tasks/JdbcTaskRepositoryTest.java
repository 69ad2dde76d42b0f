package io.nodelink.metrics.server.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.server.database.StateDatabase;
import io.nodelink.metrics.server.testing.DatabaseKind;
import io.nodelink.metrics.server.testing.TestDatabases;
import java.time.Instant;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@ExtendWith(TestDatabases.class)
class JdbcTaskRepositoryTest {

  private static final Instant T0 = Instant.parse("2026-11-30T08:00:00Z");

  private final TestDatabases databases;

  JdbcTaskRepositoryTest(TestDatabases databases) {
    this.databases = databases;
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void keepsEachTasksLatestView(DatabaseKind kind) {
    StateDatabase state = databases.state(databases.fresh(kind));
    JdbcTaskRepository repository = new JdbcTaskRepository(state);
    TaskView pending = task("t1", "a1", TaskStatus.PENDING, "streaming every 5 s", "");
    TaskView failed = task("t1", "a1", TaskStatus.FAILED, "failed", "the agent disconnected");

    repository.save(pending);
    state.flush();
    repository.save(failed);
    repository.save(task("t2", "a1", TaskStatus.COMPLETED, "done", ""));
    state.flush();

    assertThat(repository.loadAll())
        .containsExactlyInAnyOrder(failed, task("t2", "a1", TaskStatus.COMPLETED, "done", ""));
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void deletesOneTaskOrAllOfAnAgent(DatabaseKind kind) {
    StateDatabase state = databases.state(databases.fresh(kind));
    JdbcTaskRepository repository = new JdbcTaskRepository(state);
    repository.save(task("t1", "a1", TaskStatus.COMPLETED, "done", ""));
    repository.save(task("t2", "a1", TaskStatus.COMPLETED, "done", ""));
    repository.save(task("t3", "a2", TaskStatus.COMPLETED, "done", ""));
    repository.save(task("t4", "a2", TaskStatus.COMPLETED, "done", ""));

    repository.delete("t3");
    repository.deleteAgent("a1");
    state.flush();

    assertThat(repository.loadAll()).extracting(TaskView::taskId).containsExactly("t4");
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aTaskSavedAfterItsAgentsDeleteIsKept(DatabaseKind kind) {
    StateDatabase state = databases.state(databases.fresh(kind));
    JdbcTaskRepository repository = new JdbcTaskRepository(state);
    repository.save(task("t1", "a1", TaskStatus.PENDING, "", ""));

    repository.deleteAgent("a1");
    repository.save(task("t2", "a1", TaskStatus.PENDING, "", ""));
    state.flush();

    assertThat(repository.loadAll()).extracting(TaskView::taskId).containsExactly("t2");
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void longTextIsCutToItsColumn(DatabaseKind kind) {
    StateDatabase state = databases.state(databases.fresh(kind));
    JdbcTaskRepository repository = new JdbcTaskRepository(state);

    repository.save(task("t1", "a1", TaskStatus.FAILED, "m".repeat(5000), "e".repeat(5000)));
    state.flush();

    TaskView stored = repository.loadAll().get(0);
    assertThat(stored.message()).hasSize(JdbcTaskRepository.TEXT_MAX);
    assertThat(stored.error()).hasSize(JdbcTaskRepository.TEXT_MAX);
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void eachServerOfAClusterLoadsTheTasksItHolds(DatabaseKind kind) {
    StateDatabase state = databases.state(databases.fresh(kind));
    JdbcTaskRepository alone = new JdbcTaskRepository(state);
    JdbcTaskRepository a = new JdbcTaskRepository(state, "a");
    JdbcTaskRepository b = new JdbcTaskRepository(state, "b");
    alone.save(task("before", "x", TaskStatus.COMPLETED, "done", ""));
    a.save(task("t1", "x", TaskStatus.PENDING, "", ""));
    b.save(task("t2", "y", TaskStatus.PENDING, "", ""));
    state.flush();

    assertThat(a.loadAll())
        .as("its own and those of the server alone before it joined")
        .extracting(TaskView::taskId)
        .containsExactlyInAnyOrder("t1", "before");
    assertThat(b.loadAll()).extracting(TaskView::taskId).containsExactlyInAnyOrder("t2", "before");
    assertThat(alone.loadAll()).extracting(TaskView::taskId).containsExactly("before");
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void theTasksOfAGoneServerAreTakenOverByOneOtherOnly(DatabaseKind kind) throws Exception {
    StateDatabase state = databases.state(databases.fresh(kind));
    JdbcTaskRepository gone = new JdbcTaskRepository(state, "gone");
    JdbcTaskRepository a = new JdbcTaskRepository(state, "a");
    JdbcTaskRepository b = new JdbcTaskRepository(state, "b");
    gone.save(task("t1", "x", TaskStatus.PENDING, "", ""));
    gone.save(task("t2", "x", TaskStatus.COMPLETED, "done", ""));
    b.save(task("t3", "y", TaskStatus.PENDING, "", ""));
    state.flush();

    assertThat(a.otherHolders()).containsExactlyInAnyOrder("gone", "b");
    assertThat(a.holderOf("t1")).contains("gone");
    assertThat(a.takeOver("gone"))
        .extracting(TaskView::taskId)
        .containsExactlyInAnyOrder("t1", "t2");
    assertThat(b.takeOver("gone")).as("already taken").isEmpty();

    assertThat(a.holderOf("t1")).contains("a");
    assertThat(a.holderOf("nope")).isEmpty();
    assertThat(a.otherHolders()).containsExactly("b");
    assertThat(a.loadAll()).extracting(TaskView::taskId).containsExactlyInAnyOrder("t1", "t2");
  }

  private static TaskView task(
      String id, String agentId, TaskStatus status, String message, String error) {
    return new TaskView(
        id,
        agentId,
        TaskType.METRICS_START,
        status,
        T0,
        T0.plusSeconds(status.isFinal() ? 10 : 0),
        message,
        error,
        5);
  }
}
