package io.nodelink.metrics.server.prometheus.remotewrite;

import io.nodelink.metrics.server.prometheus.AgentSamples;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's own {@link RemoteWriteSender} (its queue, batching, {@code WriteRequest} encoder and
 * HTTP client) for the TSDB comparison, which lives outside the server: this class sits in the
 * sender's package because the sender is package-private there, so the benchmark measures the
 * server's code and not a copy of it.
 */
public final class BenchRemoteWrite {

  private final RemoteWriteSender sender;
  private final Counts counts = new Counts();

  /**
   * A destination with the server's defaults except the sizes given (the server's defaults are a
   * queue of 200,000 samples, batches of 2,000 and 4 lanes with one request in flight each).
   */
  public BenchRemoteWrite(URI url, int queueMaxSamples, int batchMaxSamples, Executor executor) {
    RemoteWriteSettings settings =
        new RemoteWriteSettings(
            "bench",
            url,
            "",
            "",
            "",
            "nodelink",
            (Path) null,
            // The push waits for room in the whole queue; each lane may hold all of it, so a lane
            // that gets more than its share of a second's agents never drops.
            queueMaxSamples * RemoteWriteSettings.DEFAULT_SHARDS,
            batchMaxSamples,
            RemoteWriteSettings.DEFAULT_SHARDS,
            Duration.ofSeconds(1),
            Duration.ofMillis(100),
            Duration.ofSeconds(10),
            Duration.ofSeconds(30));
    this.sender = new RemoteWriteSender(settings, executor, Clock.systemUTC(), counts);
  }

  /** Queues one snapshot, as the server does for each converted snapshot. */
  public void offer(AgentSamples samples) {
    sender.offer(samples);
  }

  /** Starts sending what is queued, as the server's flush tick does. */
  public void flush() {
    sender.flush();
  }

  public long queuedSamples() {
    return sender.queuedSamples();
  }

  public long sent() {
    return counts.sent.get();
  }

  public long failed() {
    return counts.failed.get();
  }

  public long dropped() {
    return counts.dropped.get();
  }

  private static final class Counts implements DeliveryCounts {
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    @Override
    public void sent(int samples) {
      sent.addAndGet(samples);
    }

    @Override
    public void failed(int samples) {
      failed.addAndGet(samples);
    }

    @Override
    public void dropped(int samples) {
      dropped.addAndGet(samples);
    }
  }
}
