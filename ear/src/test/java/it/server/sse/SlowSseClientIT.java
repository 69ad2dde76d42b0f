package it.server.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.ProcessMetrics;
import io.nodelink.metrics.pb.TaskProcessMetrics;
import io.nodelink.metrics.testkit.agent.TestAgent;
import io.nodelink.metrics.testkit.protocol.Snapshots;
import io.nodelink.metrics.testkit.sse.SseEvent;
import io.nodelink.metrics.testkit.sse.SseTestClient;
import it.support.Agents;
import it.support.Api;
import it.support.Contract;
import it.support.ItConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A client that stops reading must not hold back ingestion or the other clients: the server may
 * buffer a little for it, then must drop it — never block.
 *
 * <p>The stalled client is a raw socket with a tiny receive window that never reads. Large
 * snapshots (about 60 KB of JSON each) go out in lock-step with a healthy client: each one is sent
 * only after the healthy client received the previous one, so the healthy client is never behind.
 * Well before the end, the stalled client's socket buffers and server-side queue are full.
 */
class SlowSseClientIT {

  private static final int SNAPSHOTS = 300;
  private static final int TRACKED_PROCESSES = 300;

  @Test
  void stalledClientDoesNotHoldBackIngestionOrOtherClients() throws IOException {
    String id = TestAgent.uniqueId("sse-slow");
    try (TestAgent agent = TestAgent.builder(id).autoData(false).connect();
        Socket stalled = new Socket()) {
      Agents.awaitOnline(id);
      Contract.assertOk(Api.post("/agents/" + id + "/metrics/start", "{\"interval_seconds\": 1}"));
      agent.awaitStreaming();
      openAndNeverRead(stalled, "/agents/" + id + "/metrics/stream?interval=1");
      try (SseTestClient healthy =
          SseTestClient.open("/agents/" + id + "/metrics/stream?interval=1")) {
        assertThat(healthy.awaitStatus()).isEqualTo(200);
        long start = Snapshots.nowSeconds() - SNAPSHOTS;

        for (int i = 0; i < SNAPSHOTS; i++) {
          int expected = healthy.events("metrics").size() + 1;
          agent.sendData(big(start + i, i));
          await("healthy client to receive snapshot " + i + " of " + SNAPSHOTS)
              .pollInterval(Duration.ofMillis(5))
              .atMost(Duration.ofSeconds(10))
              .until(() -> healthy.events("metrics").size() >= expected);
        }

        List<SseEvent> events = healthy.events("metrics");
        assertThat(
                events.get(events.size() - 1).json().path("cpu").path("usage_percent").asDouble())
            .isEqualTo(SNAPSHOTS - 1);
        assertThat(
                Api.get("/agents/" + id + "/metrics")
                    .json()
                    .path("cpu")
                    .path("usage_percent")
                    .asDouble())
            .isEqualTo(SNAPSHOTS - 1);
        assertThat(drainToEnd(stalled))
            .as("the server closed the stalled connection instead of keeping it forever")
            .isTrue();
      }
    }
  }

  /** A snapshot of about 60 KB of JSON: many tracked processes. */
  private static MetricsDataResponse big(long timestamp, double cpu) {
    ProcessMetrics.Builder processes =
        Snapshots.sample(timestamp, cpu).getProcesses().toBuilder().clearTaskProcesses();
    for (int p = 0; p < TRACKED_PROCESSES; p++) {
      processes.addTaskProcesses(
          TaskProcessMetrics.newBuilder()
              .setTaskId("worker-process-with-a-long-descriptive-name-" + p)
              .setPid(10_000 + p)
              .setCpuPercent(p / 10.0)
              .setMemoryBytes(1L << 27)
              .setVirtualMemoryBytes(1L << 32)
              .setThreads(p % 64)
              .setReadBytes(p * 4096L)
              .setWriteBytes(p * 8192L));
    }
    return Snapshots.sample(timestamp, cpu).toBuilder().setProcesses(processes).build();
  }

  private static void openAndNeverRead(Socket socket, String path) throws IOException {
    socket.setReceiveBufferSize(4096);
    socket.connect(new InetSocketAddress("127.0.0.1", ItConfig.httpPort()), 5000);
    OutputStream out = socket.getOutputStream();
    out.write(
        ("GET "
                + path
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\nAuthorization: "
                + it.support.Credentials.OPERATOR.basicHeader()
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Reads what the server buffered; true if the server closed the connection within 20 s. */
  private static boolean drainToEnd(Socket socket) throws IOException {
    socket.setSoTimeout(20_000);
    InputStream in = socket.getInputStream();
    byte[] buffer = new byte[64 * 1024];
    try {
      while (in.read(buffer) >= 0) {
        // discard
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    }
  }
}
