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
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bytes sent, read back with the generated classes of the remote-write protocol. */
class WriteRequestEncoderTest {

  private final WriteRequestEncoder encoder = new WriteRequestEncoder("nodelink");

  private final Labels eth0 = Labels.of("agent_id", "a1", "device", "eth0", "instance", "a1");
  private final Labels a2 = Labels.of("agent_id", "a2", "instance", "a2");

  @Test
  void eachSeriesHasItsLabelsSortedWithNameAndJobAndItsSamplesInBatchOrder()
      throws InvalidProtocolBufferException {
    List<AgentSamples> batch =
        List.of(
            new AgentSamples(
                "a1",
                1_000,
                List.of(
                    new Sample(NodeExporterFamilies.NET_RX_BYTES, eth0, 10),
                    new Sample(NodeExporterFamilies.NET_TX_BYTES, eth0, 0.0))),
            new AgentSamples(
                "a2", 1_500, List.of(new Sample(NodeExporterFamilies.LOAD1, a2, -0.0))),
            new AgentSamples(
                "a1", 2_000, List.of(new Sample(NodeExporterFamilies.NET_RX_BYTES, eth0, 12.5))));

    WriteRequest request = WriteRequest.parseFrom(encoder.encode(batch));

    assertThat(request.getTimeseriesList()).hasSize(3);
    TimeSeries received = request.getTimeseries(0);
    assertThat(received.getLabelsList())
        .extracting(Label::getName, Label::getValue)
        .containsExactly(
            tuple("__name__", "node_network_receive_bytes_total"),
            tuple("agent_id", "a1"),
            tuple("device", "eth0"),
            tuple("instance", "a1"),
            tuple("job", "nodelink"));
    assertThat(received.getSamplesList())
        .extracting(s -> s.getValue(), s -> s.getTimestamp())
        .containsExactly(tuple(10.0, 1_000L), tuple(12.5, 2_000L));
    assertThat(request.getTimeseries(1).getSamples(0).getValue()).isZero();
    assertThat(Double.doubleToRawLongBits(request.getTimeseries(2).getSamples(0).getValue()))
        .as("-0.0 kept")
        .isEqualTo(Double.doubleToRawLongBits(-0.0));
  }

  @Test
  void theSameLabelSetUnderAnotherMetricNameIsAnotherSeries()
      throws InvalidProtocolBufferException {
    List<AgentSamples> first =
        List.of(
            new AgentSamples(
                "a2", 1_000, List.of(new Sample(NodeExporterFamilies.LOAD1, a2, 1.5))));
    List<AgentSamples> second =
        List.of(
            new AgentSamples(
                "a2", 2_000, List.of(new Sample(NodeExporterFamilies.LOAD5, a2, 0.5))));

    encoder.encode(first);
    WriteRequest request = WriteRequest.parseFrom(encoder.encode(second));

    assertThat(request.getTimeseries(0).getLabelsList())
        .filteredOn(l -> l.getName().equals("__name__"))
        .extracting(Label::getValue)
        .containsExactly("node_load5");
  }
}
