package io.nodelink.metrics.history.durable;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.history.compact.SeriesPoints;
import java.util.List;
import org.junit.jupiter.api.Test;

class TailCodecTest {

  @Test
  void pointsRoundTripInTheOrderTheyCame() {
    List<SeriesPoints> series =
        List.of(
            new SeriesPoints(
                "cpu.usage_percent",
                new long[] {1_700_000_000L, 1_700_000_001L, 1_699_999_000L, 1_700_000_002L},
                new double[] {12.5, 13.25, -0.0, Double.MAX_VALUE}),
            new SeriesPoints("memory.used_bytes", new long[] {5}, new double[] {1e12}),
            new SeriesPoints("empty", new long[0], new double[0]));

    List<SeriesPoints> decoded = TailCodec.decode(TailCodec.encode(series));

    assertThat(decoded).hasSize(3);
    for (int s = 0; s < series.size(); s++) {
      assertThat(decoded.get(s).series()).isEqualTo(series.get(s).series());
      assertThat(decoded.get(s).timestamps()).containsExactly(series.get(s).timestamps());
      assertThat(decoded.get(s).values()).containsExactly(series.get(s).values());
    }
    assertThat(TailCodec.newest(series)).isEqualTo(1_700_000_002L);
  }

  @Test
  void aSecondOfOneSecondPointsCostsAFewBytesEach() {
    long[] timestamps = new long[5];
    double[] values = new double[5];
    for (int i = 0; i < 5; i++) {
      timestamps[i] = 1_700_000_000L + i;
      values[i] = 40 + i * 0.25;
    }
    byte[] bytes =
        TailCodec.encode(List.of(new SeriesPoints("cpu.usage_percent", timestamps, values)));
    assertThat(bytes.length).isLessThan(5 * 16);
  }
}
