package io.nodelink.metrics.server.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.Labels;
import org.junit.jupiter.api.Test;

class AgentSeriesTest {

  private final AgentSeries counters = new AgentSeries();

  @Test
  void aTotalGrowsByRateTimesTheIntervalSinceTheLastSnapshot() {
    counters.advanceTo(1_000);
    integrate("rx eth0", 100);
    counters.advanceTo(3_000);

    assertThat(integrate("rx eth0", 50)).isEqualTo(100);
  }

  @Test
  void churnedNamesAreHeldOnlyForTheLastSnapshotAndTheOneBeingConverted() {
    for (int i = 0; i < 10_000; i++) {
      counters.advanceTo(1_000L * (i + 1));
      integrate("rx eth0", 1);
      integrate("rx veth" + i, 1);
    }

    assertThat(counters.size()).isEqualTo(3); // eth0, veth9998, veth9999
  }

  /** Prometheus sees a counter reset, and counts the new total as the increase since. */
  @Test
  void aSeriesThatMissedASnapshotStartsAgainFromItsLastIncrease() {
    counters.advanceTo(1_000);
    integrate("rx eth0", 10);
    counters.advanceTo(2_000);
    integrate("rx eth0", 10);
    counters.advanceTo(3_000);
    integrate("rx eth1", 10);
    counters.advanceTo(4_000);
    integrate("rx eth1", 0);
    counters.advanceTo(5_000);

    assertThat(integrate("rx eth0", 10)).isEqualTo(10);
    assertThat(integrate("rx eth1", 10)).isEqualTo(20);
  }

  @Test
  void aSeriesCarriedTwiceInOneSnapshotIsStillHeld() {
    counters.advanceTo(1_000);
    integrate("rx eth0", 10);
    integrate("rx eth0", 10);
    integrate("rx eth1", 10);
    counters.advanceTo(2_000);
    integrate("rx eth0", 10);
    integrate("rx eth1", 10);
    counters.advanceTo(3_000);

    assertThat(counters.size()).isEqualTo(2);
  }

  @Test
  void aSeriesKeepsItsLabelSetWhileCarried() {
    counters.advanceTo(1_000);
    AgentSeries.Series first = counters.add("rx eth0", Labels.of("device", "eth0"));
    counters.advanceTo(2_000);

    assertThat(counters.carried("rx eth0")).isSameAs(first);
    counters.advanceTo(3_000);
    counters.advanceTo(4_000);
    assertThat(counters.carried("rx eth0")).isNull();
  }

  /** A counter as the mapper integrates it: its series, added when not carried. */
  private double integrate(String key, double perSecond) {
    AgentSeries.Series series = counters.carried(key);
    if (series == null) {
      series = counters.add(key, Labels.EMPTY);
    }
    return counters.integrate(series, perSecond);
  }
}
