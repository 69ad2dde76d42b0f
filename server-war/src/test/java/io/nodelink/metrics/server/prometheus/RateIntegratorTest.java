package io.nodelink.metrics.server.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateIntegratorTest {

  private final RateIntegrator counters = new RateIntegrator();

  @Test
  void aTotalGrowsByRateTimesTheIntervalSinceTheLastSnapshot() {
    counters.advanceTo(1_000);
    counters.integrate("rx eth0", 100);
    counters.advanceTo(3_000);

    assertThat(counters.integrate("rx eth0", 50)).isEqualTo(100);
  }

  @Test
  void churnedNamesAreHeldOnlyForTheLastSnapshotAndTheOneBeingConverted() {
    for (int i = 0; i < 10_000; i++) {
      counters.advanceTo(1_000L * (i + 1));
      counters.integrate("rx eth0", 1);
      counters.integrate("rx veth" + i, 1);
    }

    assertThat(counters.size()).isEqualTo(3); // eth0, veth9998, veth9999
  }

  /** Prometheus sees a counter reset, and counts the new total as the increase since. */
  @Test
  void aSeriesThatMissedASnapshotStartsAgainFromItsLastIncrease() {
    counters.advanceTo(1_000);
    counters.integrate("rx eth0", 10);
    counters.advanceTo(2_000);
    counters.integrate("rx eth0", 10);
    counters.advanceTo(3_000);
    counters.integrate("rx eth1", 10);
    counters.advanceTo(4_000);
    counters.integrate("rx eth1", 0);
    counters.advanceTo(5_000);

    assertThat(counters.integrate("rx eth0", 10)).isEqualTo(10);
    assertThat(counters.integrate("rx eth1", 10)).isEqualTo(20);
  }

  @Test
  void aSeriesCarriedTwiceInOneSnapshotIsStillHeld() {
    counters.advanceTo(1_000);
    counters.integrate("rx eth0", 10);
    counters.integrate("rx eth0", 10);
    counters.integrate("rx eth1", 10);
    counters.advanceTo(2_000);
    counters.integrate("rx eth0", 10);
    counters.integrate("rx eth1", 10);
    counters.advanceTo(3_000);

    assertThat(counters.size()).isEqualTo(2);
  }
}
