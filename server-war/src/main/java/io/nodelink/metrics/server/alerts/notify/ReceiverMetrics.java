package io.nodelink.metrics.server.alerts.notify;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** One receiver's MicroProfile metrics, tagged {@code receiver=<name>}: alerts per outcome. */
final class ReceiverMetrics implements NotificationCounts {

  private final Counter sent;
  private final Counter failed;
  private final Counter dropped;

  ReceiverMetrics(MetricRegistry registry, String receiver) {
    Tag tag = new Tag("receiver", receiver);
    sent = registry.counter(counter("sent", "Alerts the receiver accepted"), tag);
    failed =
        registry.counter(
            counter("failed", "Alerts of requests that failed (retried with backoff)"), tag);
    dropped =
        registry.counter(
            counter(
                "dropped",
                "Alerts given up: a full queue (oldest first) or a request answered with 4xx"),
            tag);
  }

  @Override
  public void sent(int alerts) {
    sent.inc(alerts);
  }

  @Override
  public void failed(int alerts) {
    failed.inc(alerts);
  }

  @Override
  public void dropped(int alerts) {
    dropped.inc(alerts);
  }

  private static Metadata counter(String what, String description) {
    return Metadata.builder()
        .withName("nodelink.alerts.notifications." + what)
        .withDescription(description)
        .build();
  }
}
