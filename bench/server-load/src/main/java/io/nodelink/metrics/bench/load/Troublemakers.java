package io.nodelink.metrics.bench.load;

import io.nodelink.metrics.pb.CpuMetrics;
import io.nodelink.metrics.pb.DiskMetrics;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.NetworkMetrics;
import io.nodelink.metrics.testkit.agent.TestAgent;
import io.nodelink.metrics.testkit.protocol.Snapshots;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The agents a fleet must survive, built from the test kit's {@link TestAgent}, each doing its
 * thing once a second: agents that connect and drop at once (a pool of ids), a host whose interface
 * names never repeat, snapshots with NaN and infinities, with 1 MiB names, with timestamps in 2036
 * and 1970, a message flood far over the quota, and two hosts sharing one id.
 */
final class Troublemakers implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Troublemakers.class.getName());

  static final String PREFIX = "trouble-";
  private static final int CHURN_IDS = 20;
  private static final int CYCLES_PER_SECOND = 3;
  private static final int NAMES_PER_SECOND = 20;
  private static final int FLOOD_PER_SECOND = 200;
  private static final String MIB_NAME = "x".repeat(1 << 20);
  private static final long YEAR_2036 = 2_100_000_000L;

  private final int port;
  private final String token;
  private final ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2);
  private final List<TestAgent> steady = new ArrayList<>();
  private final AtomicLong cycles = new AtomicLong();
  private final AtomicLong names = new AtomicLong();
  private final AtomicLong hostileMessages = new AtomicLong();
  private TestAgent interfaces;
  private TestAgent nan;
  private TestAgent huge;
  private TestAgent timestamps;
  private TestAgent flood;
  private volatile TestAgent duplicateA;
  private volatile TestAgent duplicateB;
  private long second;

  Troublemakers(int port, String token) {
    this.port = port;
    this.token = token;
  }

  /** Connects the steady troublemakers and starts the once-a-second schedule. */
  void start() {
    interfaces = streaming("ifchurn");
    nan = streaming("nan");
    huge = streaming("huge");
    timestamps = streaming("time");
    flood = streaming("flood");
    reconnectDuplicates();
    ticks.scheduleAtFixedRate(this::safeTick, 1, 1, TimeUnit.SECONDS);
    ticks.scheduleAtFixedRate(this::safeCycles, 1, 1, TimeUnit.SECONDS);
  }

  long cycles() {
    return cycles.get();
  }

  long interfaceNames() {
    return names.get();
  }

  long hostileMessages() {
    return hostileMessages.get();
  }

  private TestAgent streaming(String name) {
    TestAgent agent = builder(PREFIX + name).autoData(false).connect();
    steady.add(agent);
    agent.awaitStreaming();
    return agent;
  }

  private TestAgent.Builder builder(String id) {
    return TestAgent.builder(id).port(port).token(token);
  }

  private void safeTick() {
    try {
      tick();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "troublemaker tick failed: {0}", e.toString());
    }
  }

  private void tick() {
    long now = Snapshots.nowSeconds();
    second++;
    sendIfStreaming(interfaces, newInterfaces(now));
    sendIfStreaming(nan, nonFinite(now));
    if (second % 10 == 0) {
      sendIfStreaming(huge, Snapshots.sample(now).toBuilder().addDisks(hugeDisk()).build());
    }
    sendIfStreaming(timestamps, Snapshots.sample(second % 2 == 0 ? YEAR_2036 : 1L));
    for (int i = 0; i < FLOOD_PER_SECOND; i++) {
      sendIfStreaming(flood, Snapshots.sample(now));
    }
    if (second % 10 == 0) {
      reconnectDuplicates();
    }
  }

  private void sendIfStreaming(TestAgent agent, MetricsDataResponse data) {
    if (agent.streamingTaskId() != null && !agent.ended().isDone()) {
      agent.sendData(data);
      hostileMessages.incrementAndGet();
    }
  }

  private MetricsDataResponse newInterfaces(long now) {
    MetricsDataResponse.Builder data = Snapshots.sample(now).toBuilder().clearNetworkInterfaces();
    for (int i = 0; i < NAMES_PER_SECOND; i++) {
      long n = names.getAndIncrement();
      data.addNetworkInterfaces(
          NetworkMetrics.newBuilder()
              .setInterface(String.format("veth%010x", n))
              .setBytesRecvPerSec(n));
    }
    return data.build();
  }

  private static MetricsDataResponse nonFinite(long now) {
    MetricsDataResponse sample = Snapshots.sample(now);
    CpuMetrics cpu =
        sample.getCpu().toBuilder()
            .setUsagePercent(Double.NaN)
            .setUserPercent(Double.POSITIVE_INFINITY)
            .setSystemPercent(Double.NEGATIVE_INFINITY)
            .build();
    return sample.toBuilder().setCpu(cpu).build();
  }

  private static DiskMetrics hugeDisk() {
    return DiskMetrics.newBuilder().setDevice(MIB_NAME).setMountPoint(MIB_NAME).build();
  }

  /**
   * Two hosts with one id: both reconnect every 10 s, the server keeps one and refuses the other.
   */
  private void reconnectDuplicates() {
    close(duplicateA);
    close(duplicateB);
    String id = PREFIX + "dup";
    duplicateA = builder(id).host("host-a", "machine-a").connect();
    duplicateB = builder(id).host("host-b", "machine-b").connect();
  }

  private void safeCycles() {
    try {
      for (int i = 0; i < CYCLES_PER_SECOND; i++) {
        cycle(PREFIX + "churn-" + (cycles.get() % CHURN_IDS));
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "churn cycle failed: {0}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Connects, waits for the server's first command, drops the connection. */
  private void cycle(String id) throws InterruptedException {
    try (TestAgent agent = builder(id).host(id, "machine-" + id).connect()) {
      agent.nextCommand(10, TimeUnit.SECONDS);
    }
    cycles.incrementAndGet();
  }

  private static void close(TestAgent agent) {
    if (agent != null) {
      agent.close();
    }
  }

  @Override
  public void close() {
    ticks.shutdownNow();
    steady.forEach(TestAgent::close);
    close(duplicateA);
    close(duplicateB);
  }
}
