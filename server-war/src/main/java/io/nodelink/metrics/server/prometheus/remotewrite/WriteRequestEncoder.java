package io.nodelink.metrics.server.prometheus.remotewrite;

import io.nodelink.metrics.prompb.Label;
import io.nodelink.metrics.prompb.TimeSeries;
import io.nodelink.metrics.prompb.WriteRequest;
import io.nodelink.metrics.server.prometheus.AgentSamples;
import io.nodelink.metrics.server.prometheus.Sample;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch of snapshots as one remote-write {@code WriteRequest}: one {@code TimeSeries} per metric
 * name and label set, its samples in the batch's order (which is time order per agent), labels
 * sorted by name with {@code __name__} among them, as the specification requires. Every series also
 * gets {@code job}, as a scrape would give it (dashboards select on it).
 */
final class WriteRequestEncoder {

  private WriteRequestEncoder() {}

  static WriteRequest encode(List<AgentSamples> batch, String job) {
    Map<SeriesKey, TimeSeries.Builder> series = new LinkedHashMap<>();
    for (AgentSamples snapshot : batch) {
      for (Sample sample : snapshot.samples()) {
        SeriesKey key = new SeriesKey(sample.family().sampleName(), sample.labels());
        series
            .computeIfAbsent(key, k -> newSeries(k, job))
            .addSamples(
                io.nodelink.metrics.prompb.Sample.newBuilder()
                    .setValue(sample.value())
                    .setTimestamp(snapshot.timestampMillis()));
      }
    }
    WriteRequest.Builder request = WriteRequest.newBuilder();
    series.values().forEach(request::addTimeseries);
    return request.build();
  }

  private static TimeSeries.Builder newSeries(SeriesKey key, String job) {
    List<Label> labels = new ArrayList<>(key.labels().size() + 2);
    labels.add(Label.newBuilder().setName("__name__").setValue(key.name()).build());
    labels.add(Label.newBuilder().setName("job").setValue(job).build());
    for (int i = 0; i < key.labels().size(); i++) {
      labels.add(
          Label.newBuilder()
              .setName(key.labels().getPrometheusName(i))
              .setValue(key.labels().getValue(i))
              .build());
    }
    labels.sort((a, b) -> a.getName().compareTo(b.getName()));
    return TimeSeries.newBuilder().addAllLabels(labels);
  }

  private record SeriesKey(String name, Labels labels) {}
}
