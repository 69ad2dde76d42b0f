package io.nodelink.metrics.server.prometheus.remotewrite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.nodelink.metrics.prompb.TimeSeries;
import io.nodelink.metrics.prompb.WriteRequest;
import io.nodelink.metrics.server.prometheus.AgentSamples;
import io.nodelink.metrics.server.prometheus.NodeExporterFamilies;
import io.nodelink.metrics.server.prometheus.Sample;
import io.prometheus.metrics.model.snapshots.Labels;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xerial.snappy.Snappy;

/**
 * The sender against a receiver on loopback (the JDK's HTTP server) that answers what each test
 * scripts: what goes over the wire, retries and drops. Real Prometheus and VictoriaMetrics are in
 * the ear module's {@code RemoteWriteIT}.
 */
class RemoteWriteSenderTest {

  private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
  private final Queue<WriteRequest> received = new ConcurrentLinkedQueue<>();
  private final Queue<Map<String, List<String>>> headers = new ConcurrentLinkedQueue<>();
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final ExecutorService receiverThreads = Executors.newCachedThreadPool();

  /** Requests the receiver holds until this many arrived at once (1: none held). */
  private volatile CountDownLatch holdUntilConcurrent = new CountDownLatch(0);

  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger mostInFlight = new AtomicInteger();
  private HttpServer server;
  private final Counts counts = new Counts();

  @BeforeEach
  void startReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/v1/write",
        exchange -> {
          mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          CountDownLatch hold = holdUntilConcurrent;
          hold.countDown();
          try {
            hold.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          byte[] body = exchange.getRequestBody().readAllBytes();
          Integer scripted = statuses.poll();
          int status = scripted == null ? 204 : scripted;
          if (status == 204) {
            received.add(WriteRequest.parseFrom(Snappy.uncompress(body)));
            headers.add(Map.copyOf(exchange.getRequestHeaders()));
          }
          inFlight.decrementAndGet();
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.setExecutor(receiverThreads);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    executor.shutdownNow();
    receiverThreads.shutdownNow();
  }

  @Test
  void sendsSnappyProtobufWithTheSpecHeadersAndAuth() {
    RemoteWriteSender sender = sender(Map.of("bearer-token", "tok"));
    sender.offer(snapshot(1_000, 0.5));
    sender.offer(snapshot(2_000, 0.7));

    sender.flush();

    await().atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());
    Map<String, List<String>> h = headers.peek();
    assertThat(h.get("Content-encoding")).containsExactly("snappy");
    assertThat(h.get("Content-type")).containsExactly("application/x-protobuf");
    assertThat(h.get("X-prometheus-remote-write-version")).containsExactly("0.1.0");
    assertThat(h.get("Authorization")).containsExactly("Bearer tok");
    TimeSeries series = received.peek().getTimeseries(0);
    assertThat(series.getLabelsList())
        .extracting(l -> l.getName() + "=" + l.getValue())
        .containsExactly("__name__=node_load1", "agent_id=a1", "instance=a1", "job=nodelink");
    assertThat(series.getSamplesList())
        .extracting(s -> s.getTimestamp() + ":" + s.getValue())
        .containsExactly("1000:0.5", "2000:0.7");
  }

  @Test
  void aServerErrorIsRetriedUntilAccepted() {
    statuses.add(503);
    statuses.add(429);
    RemoteWriteSender sender = sender(Map.of("min-backoff", "10ms", "max-backoff", "20ms"));
    sender.offer(snapshot(1_000, 1));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              sender.flush();
              return !received.isEmpty();
            });
    assertThat(sender.queuedSamples()).isZero();
    assertThat(counts.failed).hasValue(2);
    assertThat(counts.sent).hasValue(1);
  }

  @Test
  void aClientErrorDropsTheBatch() {
    statuses.add(400);
    RemoteWriteSender sender = sender(Map.of());
    sender.offer(snapshot(1_000, 1));

    sender.flush();

    await().atMost(Duration.ofSeconds(10)).until(() -> sender.queuedSamples() == 0);
    assertThat(received).isEmpty();
    assertThat(counts.dropped).hasValue(1);
  }

  @Test
  void aFleetGoesOutOnParallelLanesWithEveryAgentInTimeOrder() {
    holdUntilConcurrent = new CountDownLatch(2);
    RemoteWriteSender sender = sender(Map.of("shards", "4", "batch-max-samples", "5"));
    for (int second = 1; second <= 5; second++) {
      for (int agent = 0; agent < 20; agent++) {
        sender.offer(snapshot("a" + agent, second * 1_000L, second));
      }
    }

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              sender.flush();
              return counts.sent.get() == 100;
            });
    assertThat(mostInFlight).hasValueGreaterThanOrEqualTo(2);
    Map<String, List<Long>> timestampsByAgent = new HashMap<>();
    for (WriteRequest request : received) {
      for (TimeSeries series : request.getTimeseriesList()) {
        String agent =
            series.getLabelsList().stream()
                .filter(l -> l.getName().equals("agent_id"))
                .findFirst()
                .orElseThrow()
                .getValue();
        series
            .getSamplesList()
            .forEach(
                s ->
                    timestampsByAgent
                        .computeIfAbsent(agent, a -> new ArrayList<>())
                        .add(s.getTimestamp()));
      }
    }
    assertThat(timestampsByAgent).hasSize(20);
    timestampsByAgent.values().forEach(ts -> assertThat(ts).isSorted().hasSize(5));
  }

  private static final class Counts implements DeliveryCounts {
    final AtomicInteger sent = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();
    final AtomicInteger dropped = new AtomicInteger();

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

  private RemoteWriteSender sender(Map<String, String> extra) {
    String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/write";
    RemoteWriteSettings settings =
        RemoteWriteSettings.read(
            "test",
            key -> {
              String local = key.substring("nodelink.remote-write.test.".length());
              return local.equals("url") ? Optional.of(url) : Optional.ofNullable(extra.get(local));
            });
    assertThat(settings.url()).isEqualTo(URI.create(url));
    return new RemoteWriteSender(settings, executor, Clock.systemUTC(), counts);
  }

  private static AgentSamples snapshot(long millis, double load) {
    return snapshot("a1", millis, load);
  }

  private static AgentSamples snapshot(String agent, long millis, double load) {
    return new AgentSamples(
        agent,
        millis,
        List.of(
            new Sample(
                NodeExporterFamilies.LOAD1,
                Labels.of("instance", agent, "agent_id", agent),
                load)));
  }
}
