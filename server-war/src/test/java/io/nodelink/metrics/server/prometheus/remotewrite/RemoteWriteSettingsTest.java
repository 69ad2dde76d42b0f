package io.nodelink.metrics.server.prometheus.remotewrite;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RemoteWriteSettingsTest {

  @Test
  void destinationsComeFromConfigKeysAndEnvironmentNames() {
    assertThat(
            RemoteWriteSettings.names(
                List.of(
                    "nodelink.remote-write.mimir.url",
                    "nodelink.remote-write.mimir.username",
                    "NODELINK_REMOTE_WRITE_MY_VM_URL",
                    "NODELINK_REMOTE_WRITE_MY_VM_BEARER_TOKEN",
                    "nodelink.grpc.port")))
        .containsExactly("mimir", "my_vm");
  }

  @Test
  void keysHaveDefaultsAndSecretsStayOutOfToString() {
    Map<String, String> config =
        Map.of(
            "nodelink.remote-write.vm.url", "https://user:pw@vm.example:8428/api/v1/write",
            "nodelink.remote-write.vm.password", "s3cret",
            "nodelink.remote-write.vm.username", "user",
            "nodelink.remote-write.vm.max-backoff", "2s",
            "nodelink.remote-write.vm.queue-max-samples", "1000");
    List<RemoteWriteSettings> all =
        RemoteWriteSettings.all(config.keySet(), key -> Optional.ofNullable(config.get(key)));

    assertThat(all).hasSize(1);
    RemoteWriteSettings vm = all.get(0);
    assertThat(vm.maxBackoff()).isEqualTo(Duration.ofSeconds(2));
    assertThat(vm.queueMaxSamples()).isEqualTo(1000);
    assertThat(vm.batchMaxSamples()).isEqualTo(2000);
    assertThat(vm.toString()).doesNotContain("s3cret").doesNotContain("pw");
    assertThat(vm.safeUrl()).isEqualTo("https://vm.example:8428/api/v1/write");
  }

  @Test
  void aBlankUrlIsNoDestination() {
    Map<String, String> config = Map.of("nodelink.remote-write.off.url", " ");

    assertThat(
            RemoteWriteSettings.all(config.keySet(), key -> Optional.ofNullable(config.get(key))))
        .isEmpty();
  }
}
