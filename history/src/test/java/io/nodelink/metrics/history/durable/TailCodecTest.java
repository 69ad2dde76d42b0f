package io.nodelink.metrics.history.durable;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.history.codec.BitWriter;
import io.nodelink.metrics.history.codec.TimestampEncoder;
import io.nodelink.metrics.history.codec.ValueEncoder;
import io.nodelink.metrics.history.compact.UnflushedPoints;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TailCodecTest {

  private record Point(String series, long timestamp, double value) {}

  @Test
  void snapshotsRoundTripInTheOrderTheyCame() {
    String[] host = {"cpu.usage_percent", "memory.used_bytes", "load.load1"};
    String[] single = {"disk.sda1.usage_percent"};
    UnflushedPoints points =
        new UnflushedPoints(
            new long[] {1_700_000_000L, 1_700_000_001L, 1_699_999_000L, 1_700_000_002L},
            new String[][] {host, host, single, host},
            new double[][] {
              {12.5, 8.0e9, 0.25},
              {13.25, Double.NaN, -0.0},
              {71.5},
              {Double.MAX_VALUE, 8.0e9 + 4096, 0.3}
            });
    Map<String, Long> committed = Map.of("memory.used_bytes", 7L, "load.load1", 300L);

    byte[] data =
        TailCodec.encode(points, new int[] {0, 1, 2, 3}, name -> committed.getOrDefault(name, 0L));
    List<Point> decoded = decode(data, Map.of(7L, "memory.used_bytes", 300L, "load.load1"));

    assertThat(decoded)
        .containsExactly(
            new Point("cpu.usage_percent", 1_700_000_000L, 12.5),
            new Point("memory.used_bytes", 1_700_000_000L, 8.0e9),
            new Point("load.load1", 1_700_000_000L, 0.25),
            new Point("cpu.usage_percent", 1_700_000_001L, 13.25),
            new Point("load.load1", 1_700_000_001L, -0.0),
            new Point("disk.sda1.usage_percent", 1_699_999_000L, 71.5),
            new Point("cpu.usage_percent", 1_700_000_002L, Double.MAX_VALUE),
            new Point("memory.used_bytes", 1_700_000_002L, 8.0e9 + 4096),
            new Point("load.load1", 1_700_000_002L, 0.3));
  }

  @Test
  void onlyTheGivenEntriesAreWritten() {
    String[] names = {"a", "b"};
    UnflushedPoints points =
        new UnflushedPoints(
            new long[] {10, 11, 12},
            new String[][] {names, names, names},
            new double[][] {{1, 2}, {3, 4}, {5, 6}});

    List<Point> decoded = decode(TailCodec.encode(points, new int[] {0, 2}, n -> 0), Map.of());

    assertThat(decoded)
        .containsExactly(
            new Point("a", 10, 1),
            new Point("b", 10, 2),
            new Point("a", 12, 5),
            new Point("b", 12, 6));
  }

  @Test
  void recordsOfTheFirstVersionStillReplay() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(1);
      out.writeInt(1);
      out.writeUTF("cpu.usage_percent");
      out.writeInt(2);
      BitWriter bits = new BitWriter(1);
      TimestampEncoder timestamps = new TimestampEncoder();
      ValueEncoder values = new ValueEncoder();
      timestamps.write(bits, 100);
      values.write(bits, 1.5);
      timestamps.write(bits, 101);
      values.write(bits, 2.5);
      long[] words = bits.toWords();
      out.writeInt(words.length);
      for (long word : words) {
        out.writeLong(word);
      }
    }

    assertThat(decode(bytes.toByteArray(), Map.of()))
        .containsExactly(
            new Point("cpu.usage_percent", 100, 1.5), new Point("cpu.usage_percent", 101, 2.5));
  }

  @Test
  void fiveSecondsOfAHostCostUnderThreeBytesPerValue() {
    int seriesCount = 40;
    String[] names = new String[seriesCount];
    for (int s = 0; s < seriesCount; s++) {
      names[s] = "host.series_number_" + s;
    }
    long[] timestamps = new long[5];
    String[][] layouts = new String[5][];
    double[][] values = new double[5][seriesCount];
    for (int i = 0; i < 5; i++) {
      timestamps[i] = 1_700_000_000L + i;
      layouts[i] = names;
      for (int s = 0; s < seriesCount; s++) {
        values[i][s] = 40 + s + i * 0.25;
      }
    }

    byte[] data =
        TailCodec.encode(
            new UnflushedPoints(timestamps, layouts, values), new int[] {0, 1, 2, 3, 4}, n -> 4000);

    // The first version cost ~46 bytes per series and record here (name, counts, 64-bit words):
    // ~1,840 bytes. Ids, one shared timestamp column and no word padding leave the values.
    assertThat(data.length).isLessThan(5 * seriesCount * 3);
  }

  private static List<Point> decode(byte[] data, Map<Long, String> names) {
    List<Point> points = new ArrayList<>();
    TailCodec.decode(data, names::get, (s, t, v) -> points.add(new Point(s, t, v)));
    return points;
  }
}
