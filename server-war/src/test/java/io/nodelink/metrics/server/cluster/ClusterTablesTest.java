package io.nodelink.metrics.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.server.database.StateDatabase;
import io.nodelink.metrics.server.testing.DatabaseKind;
import io.nodelink.metrics.server.testing.TestDatabases;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The cluster's rows on real H2 and PostgreSQL databases. */
@ExtendWith(TestDatabases.class)
class ClusterTablesTest {

  private final TestDatabases databases;

  ClusterTablesTest(TestDatabases databases) {
    this.databases = databases;
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void liveNodesAreThoseWithARecentHeartbeat(DatabaseKind kind) throws SQLException {
    StateDatabase state = databases.state(databases.fresh(kind));
    List<ClusterTables.Node> live =
        state.read(
            c -> {
              ClusterTables.heartbeat(c, "a", "http://a:8080", 1_000);
              ClusterTables.heartbeat(c, "b", "http://b:8080", 5_000);
              ClusterTables.heartbeat(c, "a", "http://a2:8080", 9_000);
              ClusterTables.heartbeat(c, "c", "http://c:8080", 9_500);
              ClusterTables.leave(c, "c");
              return ClusterTables.liveNodes(c, 6_000);
            });
    assertThat(live).containsExactly(new ClusterTables.Node("a", "http://a2:8080", 9_000));
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void theLatestConnectionOwnsAnAgentAndAnOlderServerLeavingKeepsIt(DatabaseKind kind)
      throws SQLException {
    StateDatabase state = databases.state(databases.fresh(kind));
    state.read(
        c -> {
          ClusterTables.own(c, new ClusterTables.Owner("x", "a", 100));
          ClusterTables.own(c, new ClusterTables.Owner("y", "a", 100));
          ClusterTables.own(c, new ClusterTables.Owner("x", "b", 200));
          // a's stream of x ends after b got it: b's row stays.
          ClusterTables.disown(c, "x", "a");
          return null;
        });
    Optional<ClusterTables.Owner> x = state.read(c -> ClusterTables.ownerOf(c, "x"));
    assertThat(x).contains(new ClusterTables.Owner("x", "b", 200));
    List<ClusterTables.Owner> othersOfA = state.read(c -> ClusterTables.ownedByOthers(c, "a"));
    assertThat(othersOfA).containsExactly(new ClusterTables.Owner("x", "b", 200));
    state.read(
        c -> {
          ClusterTables.disown(c, "y", "a");
          return null;
        });
    Optional<ClusterTables.Owner> y = state.read(c -> ClusterTables.ownerOf(c, "y"));
    assertThat(y).isEmpty();
  }
}
