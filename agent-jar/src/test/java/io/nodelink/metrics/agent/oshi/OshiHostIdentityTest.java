package io.nodelink.metrics.agent.oshi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.nodelink.metrics.agent.stream.HostIdentity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** On this (Linux) host, OSHI's identity names the same host as {@code /proc}. */
class OshiHostIdentityTest {

  @Test
  void oshiNamesTheHostAsProcDoes() {
    HostIdentity proc = HostIdentity.read(Path.of("/proc"), Path.of("/"));
    assumeTrue(!proc.hostname().isEmpty(), "no /proc/sys/kernel/hostname here");
    assertThat(OshiHostIdentity.read().hostname()).isEqualTo(proc.hostname());
  }
}
