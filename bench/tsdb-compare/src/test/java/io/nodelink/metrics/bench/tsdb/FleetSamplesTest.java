package io.nodelink.metrics.bench.tsdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.bench.store.Fleet;
import io.nodelink.metrics.history.SeriesBatch;
import io.nodelink.metrics.server.prometheus.AgentSamples;
import org.junit.jupiter.api.Test;

class FleetSamplesTest {

  @Test
  void sendsTheValuesTheStoreGetsAtTheSameSecond() {
    Fleet stored = new Fleet("host", 3, false, 0);
    FleetSamples sent = new FleetSamples(new Fleet("host", 3, false, 0));
    for (long t = 1; t <= 600; t++) {
      for (int a = 0; a < 3; a++) {
        SeriesBatch batch = stored.next(a);
        AgentSamples samples = sent.next(a, t);
        if (batch == null) {
          assertThat(samples).isNull();
          continue;
        }
        assertThat(samples.timestampMillis()).isEqualTo(t * 1000);
        assertThat(samples.agentId()).isEqualTo(stored.agentId(a));
        for (int s = 0; s < batch.size(); s++) {
          assertThat(samples.samples().get(s).value()).isEqualTo(batch.value(s));
          assertThat(samples.samples().get(s).family().sampleName())
              .isEqualTo(FleetSamples.metricName(batch.name(s)));
        }
      }
    }
  }

  @Test
  void namesAGaugeAfterTheStoredSeries() {
    assertThat(FleetSamples.metricName("cpu.core0.usage_percent"))
        .isEqualTo("nodelink_cpu_core0_usage_percent");
  }
}
