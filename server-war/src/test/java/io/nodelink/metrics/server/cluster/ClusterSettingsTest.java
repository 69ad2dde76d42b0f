package io.nodelink.metrics.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClusterSettingsTest {

  private static ClusterSettings read(Map<String, String> values) {
    return ClusterSettings.read(key -> Optional.ofNullable(values.get(key)));
  }

  @Test
  void withoutANodeIdTheServerIsAlone() {
    assertThat(read(Map.of()).enabled()).isFalse();
  }

  @Test
  void aNodeNeedsTheUrlItsPeersReachItAt() {
    ClusterSettings settings =
        read(
            Map.of(
                ClusterSettings.NODE_ID, "node-1",
                ClusterSettings.ADVERTISE_URL, "http://10.0.0.5:8080/",
                ClusterSettings.HEARTBEAT, "2s",
                ClusterSettings.NODE_TIMEOUT, "10s"));
    assertThat(settings.enabled()).isTrue();
    assertThat(settings.advertiseUrl()).isEqualTo(URI.create("http://10.0.0.5:8080"));
    assertThat(settings.heartbeat()).isEqualTo(Duration.ofSeconds(2));
    assertThatThrownBy(() -> read(Map.of(ClusterSettings.NODE_ID, "node-1")))
        .hasMessageContaining(ClusterSettings.ADVERTISE_URL);
  }

  @Test
  void badValuesAreRefusedWithTheKey() {
    assertThatThrownBy(
            () ->
                read(
                    Map.of(
                        ClusterSettings.NODE_ID, "a b",
                        ClusterSettings.ADVERTISE_URL, "http://x:1")))
        .hasMessageContaining(ClusterSettings.NODE_ID);
    assertThatThrownBy(
            () -> read(Map.of(ClusterSettings.HEARTBEAT, "5s", ClusterSettings.NODE_TIMEOUT, "6s")))
        .hasMessageContaining(ClusterSettings.NODE_TIMEOUT);
  }

  @Test
  void theAgentOrTaskIdIsTheFirstSegment() {
    assertThat(ClusterRequestRouter.firstSegment("/web-1/metrics/stream")).isEqualTo("web-1");
    assertThat(ClusterRequestRouter.firstSegment("/web-1")).isEqualTo("web-1");
    assertThat(ClusterRequestRouter.firstSegment("/")).isNull();
    assertThat(ClusterRequestRouter.firstSegment(null)).isNull();
  }
}
