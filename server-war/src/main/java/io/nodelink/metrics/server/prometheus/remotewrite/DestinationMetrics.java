package io.nodelink.metrics.server.prometheus.remotewrite;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/** One destination's MicroProfile metrics, tagged {@code destination=<name>}. */
final class DestinationMetrics implements DeliveryCounts {

  private final MetricRegistry registry;
  private final Tag tag;
  private final Counter sent;
  private final Counter failed;
  private final Counter dropped;

  DestinationMetrics(MetricRegistry registry, String destination) {
    this.registry = registry;
    this.tag = new Tag("destination", destination);
    sent = registry.counter(counter("sent", "Samples the destination accepted"), tag);
    failed =
        registry.counter(
            counter(
                "failed",
                "Samples of requests that failed (retried on 5xx, 429 and I/O errors; dropped on"
                    + " other 4xx)"),
            tag);
    dropped =
        registry.counter(
            counter(
                "dropped",
                "Samples given up: a full queue (oldest first) or a request answered with 4xx"),
            tag);
  }

  /** Registers the sender's queue length and lag. */
  void watch(RemoteWriteSender sender) {
    registry.gauge(
        Metadata.builder()
            .withName("nodelink.remote_write.queue.samples")
            .withDescription("Samples waiting to be sent")
            .build(),
        sender,
        RemoteWriteSender::queuedSamples,
        tag);
    registry.gauge(
        Metadata.builder()
            .withName("nodelink.remote_write.lag")
            .withDescription("Age of the oldest sample waiting to be sent (0 when none waits)")
            .withUnit(MetricUnits.SECONDS)
            .build(),
        sender,
        RemoteWriteSender::lagSeconds,
        tag);
  }

  @Override
  public void sent(int samples) {
    sent.inc(samples);
  }

  @Override
  public void failed(int samples) {
    failed.inc(samples);
  }

  @Override
  public void dropped(int samples) {
    dropped.inc(samples);
  }

  private static Metadata counter(String what, String description) {
    return Metadata.builder()
        .withName("nodelink.remote_write.samples." + what)
        .withDescription(description)
        .build();
  }
}
