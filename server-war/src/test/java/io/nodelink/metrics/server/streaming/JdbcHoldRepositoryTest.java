package io.nodelink.metrics.server.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.server.database.StateDatabase;
import io.nodelink.metrics.server.testing.DatabaseKind;
import io.nodelink.metrics.server.testing.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@ExtendWith(TestDatabases.class)
class JdbcHoldRepositoryTest {

  private final TestDatabases databases;

  JdbcHoldRepositoryTest(TestDatabases databases) {
    this.databases = databases;
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void keepsOneHoldPerAgentWithItsGroups(DatabaseKind kind) {
    StateDatabase state = databases.state(databases.fresh(kind));
    JdbcHoldRepository repository = new JdbcHoldRepository(state);

    repository.save(new ManualHold("a1", 5, List.of()));
    state.flush();
    repository.save(new ManualHold("a1", 2, List.of("cpu", "memory")));
    repository.save(new ManualHold("a2", 10, List.of()));
    state.flush();

    assertThat(repository.loadAll())
        .containsExactlyInAnyOrder(
            new ManualHold("a1", 2, List.of("cpu", "memory")), new ManualHold("a2", 10, List.of()));
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aReleasedHoldIsDeleted(DatabaseKind kind) {
    StateDatabase state = databases.state(databases.fresh(kind));
    JdbcHoldRepository repository = new JdbcHoldRepository(state);
    repository.save(new ManualHold("a1", 5, List.of("cpu")));
    state.flush();

    repository.delete("a1");
    state.flush();

    assertThat(repository.loadAll()).isEmpty();
  }
}
