package io.nodelink.metrics.server.agents;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.server.database.StateDatabase;
import io.nodelink.metrics.server.testing.DatabaseKind;
import io.nodelink.metrics.server.testing.TestDatabases;
import java.time.Instant;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@ExtendWith(TestDatabases.class)
class JdbcAgentRepositoryTest {

  private static final Instant T0 = Instant.parse("2026-11-30T08:00:00.123Z");

  private final TestDatabases databases;

  JdbcAgentRepositoryTest(TestDatabases databases) {
    this.databases = databases;
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void keepsEachAgentsLatestStateAndLoadsItOffline(DatabaseKind kind) {
    StateDatabase state = databases.state(databases.fresh(kind));
    JdbcAgentRepository repository = new JdbcAgentRepository(state);

    repository.save(new AgentState("a1", true, T0, T0.plusSeconds(5), null, null));
    repository.save(
        new AgentState(
            "a1", false, T0, T0.plusSeconds(30), T0.plusSeconds(20), T0.plusSeconds(31)));
    repository.save(new AgentState("a2", true, T0, T0, null, null));
    state.flush();

    assertThat(repository.loadAll())
        .containsExactlyInAnyOrder(
            new AgentState(
                "a1", false, T0, T0.plusSeconds(30), T0.plusSeconds(20), T0.plusSeconds(31)),
            new AgentState("a2", false, T0, T0, null, null));
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aDeletedAgentIsGoneAndCanComeBack(DatabaseKind kind) {
    StateDatabase state = databases.state(databases.fresh(kind));
    JdbcAgentRepository repository = new JdbcAgentRepository(state);
    repository.save(new AgentState("a1", true, T0, T0, null, null));
    repository.save(new AgentState("a2", true, T0, T0, null, null));
    state.flush();

    repository.delete("a1");
    state.flush();
    assertThat(repository.loadAll()).extracting(AgentState::agentId).containsExactly("a2");

    repository.save(new AgentState("a1", true, T0.plusSeconds(60), T0.plusSeconds(60), null, null));
    state.flush();
    assertThat(repository.loadAll()).extracting(AgentState::agentId).contains("a1", "a2");
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void theLongestAgentIdFits(DatabaseKind kind) {
    StateDatabase state = databases.state(databases.fresh(kind));
    JdbcAgentRepository repository = new JdbcAgentRepository(state);
    String longest = "a".repeat(128);

    repository.save(new AgentState(longest, true, T0, T0, T0, null));
    state.flush();

    assertThat(repository.loadAll()).extracting(AgentState::agentId).containsExactly(longest);
    assertThat(state.droppedWrites()).isZero();
  }
}
