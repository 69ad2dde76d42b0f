package io.nodelink.metrics.server.agents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DuplicateIdDetectorTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final HostIdentity A = new HostIdentity("host-a", "");
  private static final HostIdentity B = new HostIdentity("host-b", "");
  private static final HostIdentity UNKNOWN = HostIdentity.UNKNOWN;

  private final DuplicateIdDetector detector = new DuplicateIdDetector();

  @Test
  void anotherHostIsRefusedAndTheIdFlagged() {
    assertThat(detector.refusal(A, B, T0))
        .hasValueSatisfying(r -> assertThat(r).contains("host-a"));
    assertThat(detector.isFlagged(T0.plusSeconds(60))).isTrue();
    assertThat(detector.isFlagged(T0.plus(DuplicateIdDetector.FLAG_MEMORY))).isFalse();
  }

  @Test
  void theSameHostAlwaysReplacesEvenWhenFlagged() {
    detector.refusal(A, B, T0);
    assertThat(detector.refusal(A, A, T0.plusSeconds(1))).isEmpty();
  }

  @Test
  void machineIdsTellHostsApartWithTheSameHostname() {
    assertThat(detector.refusal(new HostIdentity("h", "m1"), new HostIdentity("h", "m2"), T0))
        .isPresent();
  }

  @Test
  void unknownHostsReplaceUntilTheyFlap() {
    for (int i = 0; i < DuplicateIdDetector.FLAP_REPLACEMENTS; i++) {
      Instant now = T0.plusSeconds(i * 5L);
      assertThat(detector.refusal(UNKNOWN, UNKNOWN, now)).isEmpty();
      detector.replaced(UNKNOWN, now);
    }
    assertThat(detector.refusal(UNKNOWN, UNKNOWN, T0.plusSeconds(15))).isPresent();
  }

  @Test
  void replacementsSpreadBeyondTheWindowAreRestarts() {
    for (int i = 0; i < 10; i++) {
      Instant now = T0.plus(DuplicateIdDetector.FLAP_WINDOW.multipliedBy(i));
      assertThat(detector.refusal(UNKNOWN, UNKNOWN, now)).isEmpty();
      detector.replaced(UNKNOWN, now);
    }
    assertThat(detector.isFlagged(T0.plus(DuplicateIdDetector.FLAP_WINDOW.multipliedBy(10))))
        .isFalse();
  }

  @Test
  void aReplacementByAnotherHostFoundLaterBySystemInfoFlagsTheId() {
    detector.replaced(A, T0);
    assertThat(detector.identified(B, T0.plusSeconds(2))).isTrue();
    assertThat(detector.isFlagged(T0.plusSeconds(2))).isTrue();
    assertThat(detector.refusal(B, UNKNOWN, T0.plusSeconds(3))).isPresent();
  }

  @Test
  void systemInfoOfTheSameHostAfterAReplacementFlagsNothing() {
    detector.replaced(A, T0);
    assertThat(detector.identified(A, T0.plusSeconds(2))).isFalse();
    assertThat(detector.identified(UNKNOWN, T0.plusSeconds(2))).isFalse();
    assertThat(detector.isFlagged(T0.plusSeconds(2))).isFalse();
  }
}
