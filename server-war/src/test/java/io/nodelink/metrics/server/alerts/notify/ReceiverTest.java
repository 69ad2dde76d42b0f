package io.nodelink.metrics.server.alerts.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.nodelink.metrics.server.alerts.Alert;
import io.nodelink.metrics.server.alerts.AlertKey;
import io.nodelink.metrics.server.alerts.AlertState;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A receiver against a real HTTP server on loopback. */
class ReceiverTest {

  private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final ConcurrentLinkedQueue<String> bodies = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> auth = new ConcurrentLinkedQueue<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
    executor.shutdownNow();
  }

  private URI serve(String path) throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        path,
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"))
              .ifPresent(auth::add);
          int status = failuresLeft.getAndDecrement() > 0 ? 503 : 200;
          if (status == 200) {
            bodies.add(body);
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private static ReceiverSettings settings(String kind, URI url, String header) {
    return new ReceiverSettings(
        "ops",
        kind,
        url,
        header,
        Duration.ofHours(4),
        100,
        Duration.ofMillis(10),
        Duration.ofMillis(50),
        Duration.ofSeconds(5));
  }

  private static Alert firing(String instance) {
    return new Alert(
        new AlertKey("DiskFull", "db1", instance),
        AlertState.FIRING,
        "critical",
        97.5,
        T0,
        T0.plusSeconds(60),
        null,
        "disk full",
        Map.of("team", "ops"));
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }

  @Test
  void aWebhookGetsTheAlertsWithItsAuthHeaderAfterRetries() throws Exception {
    URI url = serve("/hook").resolve("/hook");
    failuresLeft.set(2);
    Receiver receiver =
        new Receiver(
            settings(ReceiverSettings.WEBHOOK, url, "Authorization: Bearer s3cret"),
            executor,
            Clock.systemUTC(),
            NotificationCounts.NONE);
    receiver.offer(firing("sda1"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              receiver.flush();
              return !bodies.isEmpty();
            });
    JsonObject body = json(bodies.peek());
    assertThat(body.getString("status")).isEqualTo("firing");
    JsonObject alert = body.getJsonArray("alerts").getJsonObject(0);
    assertThat(alert.getString("rule")).isEqualTo("DiskFull");
    assertThat(alert.getString("instance")).isEqualTo("sda1");
    assertThat(alert.getString("starts_at")).isEqualTo("2026-11-30T10:01:00Z");
    assertThat(alert.getJsonObject("labels").getString("team")).isEqualTo("ops");
    assertThat(auth).contains("Bearer s3cret");
    assertThat(receiver.queued()).isZero();
  }

  @Test
  void alertmanagerGetsItsV2Shape() throws Exception {
    URI base = serve("/api/v2/alerts");
    Receiver receiver =
        new Receiver(
            settings(ReceiverSettings.ALERTMANAGER, base, ""),
            executor,
            Clock.systemUTC(),
            NotificationCounts.NONE);
    Alert a = firing("sda1");
    receiver.offer(
        new Alert(
            a.key(),
            AlertState.RESOLVED,
            a.severity(),
            50,
            a.activeSince(),
            a.firingSince(),
            T0.plusSeconds(120),
            a.summary(),
            a.labels()));
    await().atMost(Duration.ofSeconds(10)).until(() -> !bodies.isEmpty());
    JsonArray alerts = Json.createReader(new StringReader(bodies.peek())).readArray();
    JsonObject alert = alerts.getJsonObject(0);
    assertThat(alert.getJsonObject("labels"))
        .containsEntry("alertname", Json.createValue("DiskFull"))
        .containsEntry("instance", Json.createValue("db1"))
        .containsEntry("severity", Json.createValue("critical"))
        .containsEntry("device", Json.createValue("sda1"))
        .containsEntry("team", Json.createValue("ops"));
    assertThat(alert.getString("endsAt")).isEqualTo("2026-11-30T10:02:00Z");
  }

  @Test
  void readsWebhooksFromConfigAndEnvironmentKeys() {
    Map<String, String> config =
        Map.of(
            "nodelink.alerts.webhook.chat.url", "http://chat/hook",
            "NODELINK_ALERTS_WEBHOOK_PAGER_URL", "http://pager/hook",
            "nodelink.alerts.webhook.pager.url", "http://pager/hook",
            "nodelink.alerts.webhook.pager.repeat-interval", "10m",
            "nodelink.alerts.alertmanager.url", "http://am:9093");
    List<ReceiverSettings> all =
        ReceiverSettings.all(
            config.keySet(), k -> Optional.ofNullable(config.get(k)), Duration.ofHours(4));
    assertThat(all)
        .extracting(ReceiverSettings::name)
        .containsExactly("chat", "pager", "alertmanager");
    assertThat(all.get(1).repeatInterval()).isEqualTo(Duration.ofMinutes(10));
    assertThat(all.get(0).repeatInterval()).isEqualTo(Duration.ofHours(4));
  }
}
