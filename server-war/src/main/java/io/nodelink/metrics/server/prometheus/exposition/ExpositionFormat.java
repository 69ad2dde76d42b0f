package io.nodelink.metrics.server.prometheus.exposition;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The format a scraper asks for by {@code Accept}: OpenMetrics 1.0 when it names {@code
 * application/openmetrics-text} (Prometheus does by default), the text format 0.0.4 otherwise.
 */
final class ExpositionFormat {

  private static final ExpositionFormatWriter OPEN_METRICS =
      OpenMetricsTextFormatWriter.builder().setCreatedTimestampsEnabled(false).build();
  private static final ExpositionFormatWriter TEXT =
      PrometheusTextFormatWriter.builder()
          .setIncludeCreatedTimestamps(false)
          .setTimestampsInMs(true)
          .build();

  private final ExpositionFormatWriter writer;

  private ExpositionFormat(ExpositionFormatWriter writer) {
    this.writer = writer;
  }

  static ExpositionFormat forAccept(String accept) {
    return new ExpositionFormat(
        accept != null && OPEN_METRICS.accepts(accept) ? OPEN_METRICS : TEXT);
  }

  String contentType() {
    return writer.getContentType();
  }

  void write(OutputStream out, MetricSnapshots snapshots) throws IOException {
    // Our names are classic Prometheus names: no escaping changes them.
    writer.write(out, snapshots, EscapingScheme.UNDERSCORE_ESCAPING);
  }
}
