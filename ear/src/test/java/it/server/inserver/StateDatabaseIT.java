package it.server.inserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nodelink.metrics.server.agents.AgentRegistry;
import io.nodelink.metrics.server.config.ServerConfig;
import io.nodelink.metrics.server.database.SchemaMigration;
import io.nodelink.metrics.server.database.StateDatabase;
import io.nodelink.metrics.server.domain.DomainException;
import io.nodelink.metrics.server.streaming.StreamingControl;
import io.nodelink.metrics.testkit.agent.TestAgent;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The state database inside Liberty: the dataSource {@code jdbc/nodelink} of server.xml (the test
 * server's H2 file, chosen by {@code NODELINK_DB_URL}), the server tables migrated by Flyway from
 * the WAR inside the EAR, and an agent's lifecycle and manual hold written to it. Restoring after a
 * restart is proven by the restart ITs and {@code RestartRestoreTest}.
 */
@ExtendWith(ArquillianExtension.class)
class StateDatabaseIT {

  /** Chosen on the client, where the deployment is built; in the server, read the config. */
  private static final int GRPC_PORT = Deployments.freePort();

  @Deployment
  static WebArchive deployment() {
    return Deployments.withTestKit(
            Deployments.serverWar(
                "arq-state",
                Map.of(
                    "nodelink.grpc.port",
                    GRPC_PORT,
                    "nodelink.grpc.host",
                    "127.0.0.1",
                    "nodelink.state.persist",
                    true)))
        .addClass(StateDatabaseIT.class);
  }

  @Inject StateDatabase database;

  @Inject AgentRegistry agents;

  @Inject StreamingControl streaming;

  @Inject ServerConfig config;

  @Test
  void flywayFoundAndAppliedTheServerMigrationsInsideTheEar() throws SQLException {
    assertThat(database.isEnabled()).isTrue();

    List<String> applied =
        column(
            "SELECT \"version\" FROM \""
                + SchemaMigration.HISTORY_TABLE
                + "\""
                + " WHERE \"success\" = TRUE AND \"version\" IS NOT NULL",
            null);

    assertThat(applied).contains("1");
  }

  @Test
  void anAgentAndItsManualHoldAreWrittenToTheDatabase() throws SQLException {
    String id = TestAgent.uniqueId("state");
    try (TestAgent agent = TestAgent.builder(id).port(config.grpcPort()).connect()) {
      await("agent " + id + " online")
          .atMost(TestAgent.TIMEOUT)
          .until(() -> agents.find(id).map(a -> a.connected()).orElse(false));
      // Listed online a moment before the connect's observers have run: until then the hold
      // cannot start a stream yet and says the agent is offline.
      await("manual hold started on " + id)
          .atMost(TestAgent.TIMEOUT)
          .ignoreException(DomainException.class)
          .until(() -> streaming.startManual(id, 4, List.of("cpu")) != null);
      agent.awaitStart();
    }
    await("agent " + id + " offline")
        .atMost(TestAgent.TIMEOUT)
        .until(() -> !agents.require(id).connected());

    assertThat(database.flush()).as("the database answers").isTrue();

    assertThat(column("SELECT disconnected_at FROM nodelink_agent WHERE agent_id = ?", id))
        .as("the agent's row, offline")
        .hasSize(1)
        .doesNotContainNull();
    assertThat(column("SELECT metric_groups FROM nodelink_streaming_hold WHERE agent_id = ?", id))
        .containsExactly("cpu");
    assertThat(column("SELECT status FROM nodelink_task WHERE agent_id = ?", id))
        .as("its tasks, none left open")
        .isNotEmpty()
        .doesNotContain("PENDING", "IN_PROGRESS");
  }

  /** The first column of every row of {@code sql}, with {@code id} bound when not null. */
  private List<String> column(String sql, String id) throws SQLException {
    return database.read(
        connection -> {
          try (PreparedStatement select = prepare(connection, sql, id);
              ResultSet rows = select.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
              values.add(rows.getString(1));
            }
            return values;
          }
        });
  }

  private static PreparedStatement prepare(Connection connection, String sql, String id)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    if (id != null) {
      statement.setString(1, id);
    }
    return statement;
  }
}
