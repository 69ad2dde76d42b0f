package io.nodelink.metrics.server.prometheus.remotewrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.google.protobuf.InvalidProtocolBufferException;
import io.nodelink.metrics.prompb.Label;
import io.nodelink.metrics.prompb.TimeSeries;
import io.nodelink.metrics.prompb.WriteRequest;
import io.nodelink.metrics.server.prometheus.AgentSamples;
import io.nodelink.metrics.server.prometheus.NodeExporterFamilies;
import io.nodelink.metrics.server.prometheus.Sample;
import io.nodelink.metrics.server.prometheus.SeriesLabels;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WriteRequestEncoderTest {

  private final SeriesLabels idle = labels("a1", "cpu", "0", "mode", "idle");
  private final SeriesLabels load = labels("a1");
  private final SeriesLabels otherAgent = labels("b2");

  @Test
  void eachSeriesIsOneTimeSeriesWithItsSamplesInOrderAndItsLabelsSorted() throws Exception {
    List<AgentSamples> batch =
        List.of(
            snapshot("a1", 1_000, cpuIdle(10.5), load1(load, 0.25)),
            snapshot("b2", 1_500, load1(otherAgent, 3)),
            snapshot("a1", 2_000, cpuIdle(11.5), load1(load, 0)));

    WriteRequest request = parse(WriteRequestEncoder.encode(batch, "nodelink"));

    assertThat(request.getTimeseriesList()).hasSize(3);
    TimeSeries cpu = request.getTimeseries(0);
    assertThat(names(cpu))
        .containsExactly("__name__", "agent_id", "cpu", "instance", "job", "mode");
    assertThat(value(cpu, "__name__")).isEqualTo("node_cpu_seconds_total");
    assertThat(value(cpu, "job")).isEqualTo("nodelink");
    assertThat(value(cpu, "mode")).isEqualTo("idle");
    assertThat(cpu.getSamplesList())
        .extracting(s -> s.getTimestamp(), s -> s.getValue())
        .containsExactly(tuple(1_000L, 10.5), tuple(2_000L, 11.5));
    TimeSeries ownLoad = request.getTimeseries(1);
    assertThat(names(ownLoad)).containsExactly("__name__", "agent_id", "instance", "job");
    assertThat(ownLoad.getSamplesList()).extracting(s -> s.getValue()).containsExactly(0.25, 0.0);
    assertThat(value(request.getTimeseries(2), "instance")).isEqualTo("b2");
  }

  @Test
  void eachDestinationGetsItsOwnJobFromTheSameKeptLabels() throws Exception {
    List<AgentSamples> batch = List.of(snapshot("a1", 1_000, cpuIdle(1)));

    WriteRequest first = parse(WriteRequestEncoder.encode(batch, "fleet-a"));
    WriteRequest second = parse(WriteRequestEncoder.encode(batch, "zz"));

    assertThat(value(first.getTimeseries(0), "job")).isEqualTo("fleet-a");
    assertThat(value(second.getTimeseries(0), "job")).isEqualTo("zz");
    assertThat(names(second.getTimeseries(0)))
        .containsExactly("__name__", "agent_id", "cpu", "instance", "job", "mode");
  }

  @Test
  void itIsTheMessageTheGeneratedBuildersMake() throws Exception {
    List<AgentSamples> batch =
        List.of(
            snapshot("a1", 1_000, cpuIdle(10.5), load1(load, 0.25)),
            snapshot("b2", 1_500, load1(otherAgent, 3)),
            snapshot("a1", 2_000, cpuIdle(0), load1(load, -1)));

    assertThat(parse(WriteRequestEncoder.encode(batch, "nodelink")))
        .isEqualTo(built(batch, "nodelink"));
  }

  @Test
  void aSeriesStartedAgainAfterAResetIsStillOneTimeSeries() throws Exception {
    SeriesLabels again = labels("a1");
    List<AgentSamples> batch =
        List.of(snapshot("a1", 1_000, load1(load, 1)), snapshot("a1", 2_000, load1(again, 2)));

    WriteRequest request = parse(WriteRequestEncoder.encode(batch, "nodelink"));

    assertThat(request.getTimeseriesList()).hasSize(1);
    assertThat(request.getTimeseries(0).getSamplesList())
        .extracting(s -> s.getTimestamp())
        .containsExactly(1_000L, 2_000L);
  }

  /** The request as the generated message builders make it, series by series. */
  private static WriteRequest built(List<AgentSamples> batch, String job) {
    Map<String, TimeSeries.Builder> series = new LinkedHashMap<>();
    for (AgentSamples snapshot : batch) {
      for (Sample sample : snapshot.samples()) {
        series
            .computeIfAbsent(
                sample.family().sampleName() + sample.labels(), s -> builder(sample, job))
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

  private static TimeSeries.Builder builder(Sample sample, String job) {
    List<Label> labels = new ArrayList<>();
    labels.add(label("__name__", sample.family().sampleName()));
    labels.add(label("job", job));
    Labels own = sample.labels();
    for (int i = 0; i < own.size(); i++) {
      labels.add(label(own.getPrometheusName(i), own.getValue(i)));
    }
    labels.sort(Comparator.comparing(Label::getName));
    return TimeSeries.newBuilder().addAllLabels(labels);
  }

  private static Label label(String name, String value) {
    return Label.newBuilder().setName(name).setValue(value).build();
  }

  private Sample cpuIdle(double seconds) {
    return new Sample(NodeExporterFamilies.CPU_SECONDS, idle, seconds);
  }

  private static Sample load1(SeriesLabels series, double value) {
    return new Sample(NodeExporterFamilies.LOAD1, series, value);
  }

  private static AgentSamples snapshot(String agent, long millis, Sample... samples) {
    return new AgentSamples(agent, millis, List.of(samples));
  }

  private static SeriesLabels labels(String agent, String... extra) {
    String[] all = new String[extra.length + 4];
    all[0] = "instance";
    all[1] = agent;
    all[2] = "agent_id";
    all[3] = agent;
    System.arraycopy(extra, 0, all, 4, extra.length);
    return new SeriesLabels(Labels.of(all));
  }

  private static WriteRequest parse(byte[] bytes) throws InvalidProtocolBufferException {
    return WriteRequest.parseFrom(bytes);
  }

  private static List<String> names(TimeSeries series) {
    return series.getLabelsList().stream().map(Label::getName).toList();
  }

  private static String value(TimeSeries series, String name) {
    return series.getLabelsList().stream()
        .filter(l -> l.getName().equals(name))
        .map(Label::getValue)
        .findFirst()
        .orElseThrow();
  }
}
