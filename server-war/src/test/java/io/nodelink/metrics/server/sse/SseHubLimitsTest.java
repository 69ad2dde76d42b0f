package io.nodelink.metrics.server.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nodelink.metrics.server.config.ServerConfig;
import io.nodelink.metrics.server.domain.DomainException;
import io.nodelink.metrics.server.ingest.IngestListener;
import io.nodelink.metrics.server.testing.FakeChannel;
import io.nodelink.metrics.server.testing.MovableClock;
import io.nodelink.metrics.server.testing.ServerGraph;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The SSE client limits of the hub: per agent and over all agents. */
class SseHubLimitsTest {

  private final ServerGraph server =
      new ServerGraph(
          new MovableClock(Instant.ofEpochSecond(1_800_000_000L)), false, IngestListener.NONE);

  private SseHub hub(int maxClients, int maxPerAgent) {
    SseHub hub = new SseHub();
    hub.config =
        new ServerConfig(
            key ->
                Optional.ofNullable(
                    Map.of(
                            ServerConfig.SSE_MAX_CLIENTS, String.valueOf(maxClients),
                            ServerConfig.SSE_MAX_CLIENTS_PER_AGENT, String.valueOf(maxPerAgent))
                        .get(key)));
    hub.agents = server.agents;
    hub.store = server.store;
    hub.streaming = server.streaming;
    hub.executor = direct(ManagedExecutorService.class);
    hub.scheduler = direct(ManagedScheduledExecutorService.class);
    for (String id : new String[] {"a", "b"}) {
      server.agents.connect(new FakeChannel(id));
    }
    return hub;
  }

  @Test
  void oneClientBeyondTheTotalOverAllAgentsIs503() {
    SseHub hub = hub(2, 100);
    hub.connect("a", 1, openStream());
    hub.connect("b", 1, openStream());

    assertThatThrownBy(() -> hub.connect("a", 1, openStream()))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(DomainException.Kind.LIMIT_REACHED);
              assertThat(e.getMessage()).contains("nodelink.sse.max-clients");
            });
    assertThat(hub.clientCount()).isEqualTo(2);
  }

  @Test
  void aClientLeavingFreesItsPlace() {
    SseHub hub = hub(2, 100);
    hub.connect("a", 1, openStream());
    SseStream leaving = hub.connect("b", 1, openStream());

    leaving.close();

    assertThat(hub.connect("b", 1, openStream()).isClosed()).isFalse();
    assertThat(hub.clientCount()).isEqualTo(2);
  }

  @Test
  void thePerAgentLimitStillHoldsBelowTheTotal() {
    SseHub hub = hub(10, 1);
    hub.connect("a", 1, openStream());

    assertThatThrownBy(() -> hub.connect("a", 1, openStream()))
        .hasMessageContaining("for this agent");
    assertThat(hub.connect("b", 1, openStream()).isClosed()).isFalse();
  }

  /** Runs what is executed at once; anything else (scheduling) does nothing and returns null. */
  private static <T> T direct(Class<T> type) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              if (method.getName().equals("execute")) {
                ((Runnable) args[0]).run();
              }
              return null;
            }));
  }

  private FakeAsyncContext openStream() {
    return new FakeAsyncContext(new StrictServletOutput(Runnable::run));
  }
}
