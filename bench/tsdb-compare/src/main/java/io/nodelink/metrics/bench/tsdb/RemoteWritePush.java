package io.nodelink.metrics.bench.tsdb;

import com.sun.management.OperatingSystemMXBean;
import io.nodelink.metrics.bench.store.Fleet;
import io.nodelink.metrics.server.prometheus.AgentSamples;
import io.nodelink.metrics.server.prometheus.remotewrite.BenchRemoteWrite;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Pushes a fleet's hours, second by second, through the server's remote-write sender to one TSDB,
 * as fast as the sender delivers: a second's snapshots are queued once the queue has room for them
 * (the server would drop the oldest instead), and the push ends when the queue is empty. The
 * sender's CPU is this JVM's process CPU time less the thread that generates the fleet (the
 * sending, encoding, compression, HTTP and garbage collection remain).
 */
final class RemoteWritePush {

  /** A push that makes no progress this long has failed (a receiver rejecting with 5xx). */
  private static final long STALL_NANOS = TimeUnit.MINUTES.toNanos(2);

  /**
   * What one push took.
   *
   * @param samples samples queued
   * @param delivered samples the receiver accepted (2xx)
   * @param dropped samples the sender dropped (rejected with a 4xx, or queue overflow)
   * @param wallNanos from the first snapshot queued to the queue drained
   * @param senderCpuNanos this JVM's CPU less the generating thread's
   * @param receiverCpuNanos the TSDB process's CPU over the same time
   */
  record Result(
      long samples,
      long delivered,
      long dropped,
      long wallNanos,
      long senderCpuNanos,
      long receiverCpuNanos) {

    double samplesPerSecond() {
      return samples * 1e9 / wallNanos;
    }

    double samplesPerSenderCpuSecond() {
      return delivered * 1e9 / senderCpuNanos;
    }

    double samplesPerReceiverCpuSecond() {
      return receiverCpuNanos == 0 ? Double.NaN : delivered * 1e9 / receiverCpuNanos;
    }
  }

  private final CompareOptions options;

  RemoteWritePush(CompareOptions options) {
    this.options = options;
  }

  /** Pushes seconds {@code (start, start + hours * 3600]} of a fresh fleet to {@code tsdb}. */
  Result push(Tsdb tsdb, FleetSamples fleet, long start) {
    return run(tsdb.writeUrl(), tsdb::cpuNanos, fleet, start, options.hours() * 3600L);
  }

  /**
   * Pushes 5 minutes of 100 other hosts to a receiver in this JVM, so that the measured pushes run
   * compiled code.
   */
  void warmUp(long start) throws IOException {
    Fleet hosts = new Fleet("warmup", 100, false, 0);
    try (DiscardingReceiver receiver = DiscardingReceiver.start()) {
      run(receiver.writeUrl(), () -> 0, new FleetSamples(hosts), start, 300);
    }
  }

  private Result run(
      URI url, LongSupplier receiverCpu, FleetSamples fleet, long start, long seconds) {
    OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
    try {
      BenchRemoteWrite sender =
          new BenchRemoteWrite(url, options.queueSamples(), options.batchSamples(), executor);
      long cpu0 = os.getProcessCpuTime();
      long generator0 = threads.getCurrentThreadCpuTime();
      long receiver0 = receiverCpu.getAsLong();
      long wall0 = System.nanoTime();
      long samples = 0;
      for (long t = start + 1; t <= start + seconds; t++) {
        List<AgentSamples> second = snapshots(fleet, t);
        int size = second.stream().mapToInt(s -> s.samples().size()).sum();
        if (size > options.queueSamples()) {
          throw new IllegalArgumentException(
              "a second of the fleet is " + size + " samples: --queue must hold at least that");
        }
        awaitQueueBelow(sender, options.queueSamples() - size);
        second.forEach(sender::offer);
        sender.flush();
        samples += size;
      }
      awaitQueueBelow(sender, 1);
      long wall = System.nanoTime() - wall0;
      long generator = threads.getCurrentThreadCpuTime() - generator0;
      return new Result(
          samples,
          sender.sent(),
          sender.dropped(),
          wall,
          os.getProcessCpuTime() - cpu0 - generator,
          receiverCpu.getAsLong() - receiver0);
    } finally {
      executor.shutdownNow();
    }
  }

  private static List<AgentSamples> snapshots(FleetSamples fleet, long second) {
    List<AgentSamples> snapshots = new ArrayList<>(fleet.agents());
    for (int a = 0; a < fleet.agents(); a++) {
      AgentSamples snapshot = fleet.next(a, second);
      if (snapshot != null) {
        snapshots.add(snapshot);
      }
    }
    return snapshots;
  }

  /** Flushes (as the server's tick would) until fewer than {@code limit} samples are queued. */
  private static void awaitQueueBelow(BenchRemoteWrite sender, long limit) {
    long progressAt = System.nanoTime();
    long progress = sender.sent() + sender.dropped();
    while (sender.queuedSamples() >= limit) {
      sender.flush();
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
      long now = sender.sent() + sender.dropped();
      if (now != progress) {
        progress = now;
        progressAt = System.nanoTime();
      } else if (System.nanoTime() - progressAt > STALL_NANOS) {
        throw new IllegalStateException(
            "remote-write made no progress for 2 min ("
                + sender.failed()
                + " samples failed so far); see the TSDB's log");
      }
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    return runnable -> {
      Thread thread = new Thread(runnable, "remote-write");
      thread.setDaemon(true);
      return thread;
    };
  }
}
