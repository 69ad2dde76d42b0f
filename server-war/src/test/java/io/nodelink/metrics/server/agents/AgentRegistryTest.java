package io.nodelink.metrics.server.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.stub.StreamObserver;
import io.nodelink.metrics.pb.TaskRequest;
import io.nodelink.metrics.server.domain.DomainException;
import io.nodelink.metrics.server.grpc.AgentSession;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AgentRegistryTest {

  private final AgentRegistry registry =
      new AgentRegistry(2, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

  @Test
  void connectedAgentIsListedOnlineUntilItsSessionEnds() {
    AgentSession session = session("a1");

    assertThat(registry.connect(session)).isEmpty();
    assertThat(registry.find("a1").orElseThrow().connected()).isTrue();
    assertThat(registry.session("a1")).contains(session);

    assertThat(registry.disconnect(session)).isTrue();
    AgentState state = registry.find("a1").orElseThrow();
    assertThat(state.connected()).isFalse();
    assertThat(state.disconnectedAt()).isNotNull();
  }

  @Test
  void newerSessionReplacesTheOlderAndTheOldEndIsIgnored() {
    AgentSession old = session("a1");
    AgentSession current = session("a1");
    registry.connect(old);

    assertThat(registry.connect(current)).contains(old);
    assertThat(registry.disconnect(old)).isFalse();
    assertThat(registry.isCurrent(current)).isTrue();
    assertThat(registry.find("a1").orElseThrow().connected()).isTrue();
  }

  @Test
  void agentLimitRejectsNewIdsButNotReconnects() {
    registry.connect(session("a1"));
    registry.connect(session("a2"));

    assertThatThrownBy(() -> registry.connect(session("a3")))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("limit");
    assertThat(registry.connect(session("a1"))).isPresent();
  }

  @Test
  void onlyAgentsOfflineSinceBeforeTheCutoffAreRemoved() {
    AgentSession gone = session("gone");
    registry.connect(gone);
    registry.disconnect(gone);
    registry.connect(session("online"));

    assertThat(registry.removeOfflineSince(Instant.parse("2026-01-01T00:00:01Z")))
        .containsExactly("gone");
    assertThat(registry.isKnown("online")).isTrue();
    assertThat(registry.removeOfflineSince(Instant.parse("2025-01-01T00:00:00Z"))).isEmpty();
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
}
