package io.nodelink.metrics.server.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UnauthenticatedConnectionsTest {

  private final AtomicInteger refused = new AtomicInteger();
  private final UnauthenticatedConnections guard =
      new UnauthenticatedConnections(2, refused::incrementAndGet, () -> 0L, Duration.ofMinutes(1));

  private static InetSocketAddress from(String ip, int port) throws Exception {
    return new InetSocketAddress(InetAddress.getByName(ip), port);
  }

  @Test
  void aSourceBeyondTheCapIsRefusedAndCountedOthersAreNot() throws Exception {
    assertThat(guard.admit(from("10.0.0.1", 1))).isTrue();
    assertThat(guard.admit(from("10.0.0.1", 2))).isTrue();
    assertThat(guard.admit(from("10.0.0.1", 3))).isFalse();
    assertThat(guard.admit(from("10.0.0.2", 1))).isTrue();
    assertThat(refused).hasValue(1);
  }

  @Test
  void authenticatedAndClosedConnectionsFreeTheirPlaceOnce() throws Exception {
    guard.admit(from("10.0.0.1", 1));
    guard.admit(from("10.0.0.1", 2));
    guard.authenticated(from("10.0.0.1", 1));
    guard.closed(from("10.0.0.1", 1)); // already released: no double count
    assertThat(guard.pending(InetAddress.getByName("10.0.0.1"))).isEqualTo(1);
    assertThat(guard.admit(from("10.0.0.1", 3))).isTrue();
    guard.closed(from("10.0.0.1", 2));
    guard.closed(from("10.0.0.1", 3));
    assertThat(guard.pending(InetAddress.getByName("10.0.0.1"))).isZero();
  }

  @Test
  void zeroMeansNoCap() throws Exception {
    UnauthenticatedConnections off = UnauthenticatedConnections.unlimited();
    for (int port = 1; port < 100; port++) {
      assertThat(off.admit(from("10.0.0.1", port))).isTrue();
    }
  }
}
