package io.nodelink.metrics.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTest {

  @Test
  void roundTripsThroughTheResultsFileAndPrintsATable() {
    Result r =
        new Result(
            "fleet",
            1000,
            200,
            45.0,
            998.5,
            1000.1,
            2.1,
            9.8,
            20.3,
            40.0,
            9000,
            55.5,
            70.0,
            5400.0,
            3,
            "reconnects=0,missing=3",
            35.2,
            20.1,
            90.0,
            4.5,
            "12/35");
    Result back = Result.parse(r.tsv());
    assertThat(back).isEqualTo(r);
    assertThat(Result.table(List.of(r)))
        .contains(
            "| fleet | 1000 | 200 | 999 | 1000 | 2.1 | 9.8 | 40.0 | 55.5 after 70 s | 5400 | 3 (");
  }

  @Test
  void readsPrometheusSamples() {
    String page =
        "# TYPE nodelink_snapshots_received_total counter\n"
            + "nodelink_snapshots_received_total{mp_scope=\"application\"} 12345.0\n"
            + "nodelink_sse_latency_seconds{mp_scope=\"application\",quantile=\"0.99\"} 0.002\n";
    assertThat(ServerProbe.metric(page, "nodelink_snapshots_received_total", null).getAsDouble())
        .isEqualTo(12345.0);
    assertThat(
            ServerProbe.metric(page, "nodelink_sse_latency_seconds", "quantile=\"0.99\"")
                .getAsDouble())
        .isEqualTo(0.002);
    assertThat(ServerProbe.metric(page, "nodelink_snapshots", null)).isEmpty();
  }

  @Test
  void sumsGcPauses() {
    ServerProbe.GcPauses p =
        ServerProbe.GcPauses.of(
            List.of(
                "[1.0s][info][gc] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 100M->20M(512M) 3.500ms",
                "[2.0s][info][gc] GC(2) Pause Full (System.gc()) 50M->30M(512M) 41.250ms",
                "[3.0s][info][gc] GC(3) Concurrent Mark Cycle 12.0ms"));
    assertThat(p.count()).isEqualTo(2);
    assertThat(p.maxMillis()).isEqualTo(41.25);
    assertThat(p.totalMillis()).isEqualTo(44.75);
  }
}
