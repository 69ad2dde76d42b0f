package io.nodelink.metrics.bench.tsdb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TsdbProcessTest {

  private static final String EXPOSITION =
      """
      # HELP vm_rows_inserted_total Rows inserted
      vm_rows_inserted_total{type="influx"} 7
      vm_rows_inserted_total{type="promremotewrite"} 1.4252560e+07
      vm_rows_inserted_total_other 3
      prometheus_tsdb_head_samples_appended_total 42
      """;

  @Test
  void sumsTheSamplesOfOneMetricWhoseLabelsMatch() {
    assertThat(TsdbProcess.sumOf(EXPOSITION, "vm_rows_inserted_total", "type=\"promremotewrite\""))
        .isEqualTo(14_252_560);
  }

  @Test
  void sumsEveryLabelSetWithoutAFilterAndNoOtherMetric() {
    assertThat(TsdbProcess.sumOf(EXPOSITION, "vm_rows_inserted_total", "")).isEqualTo(14_252_567);
    assertThat(TsdbProcess.sumOf(EXPOSITION, "prometheus_tsdb_head_samples_appended_total", ""))
        .isEqualTo(42);
  }
}
