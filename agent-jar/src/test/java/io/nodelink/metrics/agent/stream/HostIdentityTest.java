package io.nodelink.metrics.agent.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostIdentityTest {

  @Test
  void unreadableOrUnsafePartsAreLeftOut(@TempDir Path root) {
    assertThat(HostIdentity.read(root.resolve("proc"), root)).isEqualTo(HostIdentity.NONE);
    assertThat(new HostIdentity("bad host\n", "x/y")).isEqualTo(HostIdentity.NONE);
    assertThat(new HostIdentity("web-01.example.com", "").hostname())
        .isEqualTo("web-01.example.com");
  }

  @Test
  void missingPartsComeFromTheFallbackOnlyWhenMissing(@TempDir Path root) {
    HostIdentity noProc = HostIdentity.read(root.resolve("proc"), root);
    assertThat(noProc.orElse(() -> new HostIdentity("WIN-01", "4C4C4544-0042")))
        .isEqualTo(new HostIdentity("WIN-01", "4C4C4544-0042"));

    HostIdentity complete = new HostIdentity("web-01", "abc123");
    assertThat(complete.orElse(() -> fail("not asked when nothing is missing")))
        .isEqualTo(complete);
    assertThat(new HostIdentity("web-01", "").orElse(() -> new HostIdentity("other", "id-9")))
        .isEqualTo(new HostIdentity("web-01", "id-9"));
  }
}
