package io.nodelink.metrics.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerConfigTest {

  @Test
  void defaultsMatchTheDocumentation() {
    ServerConfig config = ServerConfig.defaults();

    assertThat(config.grpcPort()).isEqualTo(9090);
    assertThat(config.grpcKeepAliveTime()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.grpcKeepAliveTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.historyRetention()).isEqualTo(Duration.ofMinutes(30));
    assertThat(config.cleanupInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.historyMaxPointsDefault()).isEqualTo(1000);
    assertThat(config.historyMaxPointsLimit()).isEqualTo(10_000);
    assertThat(config.sseKeepAliveInterval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.httpAnonymousRole()).isEqualTo("none");
    assertThat(config.corsAllowedOrigins())
        .as("same-origin only while login is required")
        .isEmpty();
    assertThat(config.ingestMaxFuture()).isEqualTo(Duration.ofMinutes(10));
    assertThat(config.ingestMaxPackages()).isEqualTo(20_000);
    assertThat(config.systemInfoOnConnect()).isTrue();
    assertThat(config.statePersist()).isTrue();
    assertThat(config.grpcTlsCert()).isEmpty();
    assertThat(config.collectionIntervalSeconds()).isEqualTo(10);
    assertThat(config.grpcMaxConnectionIdle()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.grpcMaxConnectionAge()).isZero();
    assertThat(config.grpcMaxConnectionAgeGrace()).isZero();
    assertThat(config.grpcMaxCallsPerConnection()).isEqualTo(1000);
    assertThat(config.ingestMaxListSize()).isEqualTo(4096);
    assertThat(config.ingestQuotas())
        .isEqualTo(new ServerConfig.IngestQuotas(20, 2000, 1L << 20, 32L << 20));
    assertThat(config.historyMaxValues()).isEqualTo(1_000_000);
    assertThat(config.historyMaxConcurrentQueries()).isEqualTo(16);
    assertThat(config.sseMaxClients()).isEqualTo(1000);
    assertThat(config.tasksMaxPerAgent()).isEqualTo(100);
    assertThat(config.streamingMinIntervalSeconds()).isEqualTo(1);
    assertThat(config.grpcMaxUnauthenticatedPerSource()).isEqualTo(16);
  }

  @Test
  void streamingMinIntervalTakesWholeSecondsFromOneToThreeHundred() {
    assertThat(minInterval("5s")).isEqualTo(5);
    assertThat(minInterval("1m")).isEqualTo(60);
    for (String bad : new String[] {"0", "1500ms", "301s", "-5s"}) {
      assertThatThrownBy(() -> minInterval(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(ServerConfig.STREAMING_MIN_INTERVAL);
    }
  }

  @Test
  void anAnonymousRoleKeepsTheAnyOriginDefaultAndUnknownRolesAreRefused() {
    ServerConfig open =
        new ServerConfig(
            key ->
                key.equals(ServerConfig.HTTP_ANONYMOUS_ROLE)
                    ? Optional.of("Viewer")
                    : Optional.empty());
    assertThat(open.httpAnonymousRole()).isEqualTo("viewer");
    assertThat(open.corsAllowedOrigins()).containsExactly("*");
    assertThatThrownBy(
            () ->
                new ServerConfig(
                    key ->
                        key.equals(ServerConfig.HTTP_ANONYMOUS_ROLE)
                            ? Optional.of("admin")
                            : Optional.empty()))
        .hasMessageContaining(ServerConfig.HTTP_ANONYMOUS_ROLE);
  }

  private static int minInterval(String value) {
    return new ServerConfig(
            key ->
                key.equals(ServerConfig.STREAMING_MIN_INTERVAL)
                    ? Optional.of(value)
                    : Optional.empty())
        .streamingMinIntervalSeconds();
  }

  @Test
  void ingestQuotasTakeByteSuffixesAndZeroForOff() {
    ServerConfig config =
        new ServerConfig(
            key ->
                Optional.ofNullable(
                    Map.of(
                            ServerConfig.INGEST_MAX_MESSAGES_PER_SECOND, "0",
                            ServerConfig.INGEST_MAX_BYTES_PER_SECOND, "256k",
                            ServerConfig.INGEST_MAX_BYTES_BURST, "64m")
                        .get(key)));

    assertThat(config.ingestQuotas())
        .isEqualTo(new ServerConfig.IngestQuotas(0, 2000, 256L << 10, 64L << 20));
    assertThatThrownBy(
            () ->
                new ServerConfig(
                    key ->
                        Optional.ofNullable(
                            Map.of(ServerConfig.INGEST_MAX_BYTES_BURST, "0").get(key))))
        .hasMessageContaining(ServerConfig.INGEST_MAX_BYTES_BURST);
  }

  @Test
  void connectionLimitsTakeZeroForOffAndRefuseNegativeDurations() {
    ServerConfig config =
        new ServerConfig(
            key ->
                Optional.ofNullable(
                    Map.of(
                            ServerConfig.GRPC_MAX_CONNECTION_IDLE, "0",
                            ServerConfig.GRPC_MAX_CONNECTION_AGE, "2h",
                            ServerConfig.GRPC_MAX_CONNECTION_AGE_GRACE, "30s")
                        .get(key)));

    assertThat(config.grpcMaxConnectionIdle()).isZero();
    assertThat(config.grpcMaxConnectionAge()).isEqualTo(Duration.ofHours(2));
    assertThat(config.grpcMaxConnectionAgeGrace()).isEqualTo(Duration.ofSeconds(30));
    assertThatThrownBy(
            () ->
                new ServerConfig(
                    key ->
                        Optional.ofNullable(
                            Map.of(ServerConfig.GRPC_MAX_CONNECTION_IDLE, "-5s").get(key))))
        .hasMessageContaining(ServerConfig.GRPC_MAX_CONNECTION_IDLE);
  }

  @Test
  void collectionIntervalTakesDurationsAndZeroForOff() {
    assertThat(collectionInterval("0")).isZero();
    assertThat(collectionInterval("0s")).isZero();
    assertThat(collectionInterval("1m")).isEqualTo(60);
    assertThat(collectionInterval("15")).isEqualTo(15);
    assertThat(collectionInterval("PT2S")).isEqualTo(2);
  }

  @Test
  void collectionIntervalOutsideTheAgentsRangeIsRefused() {
    for (String bad : new String[] {"1500ms", "301s", "-5s", "soon"}) {
      assertThatThrownBy(() -> collectionInterval(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(ServerConfig.COLLECTION_INTERVAL);
    }
  }

  private static int collectionInterval(String value) {
    return new ServerConfig(
            key ->
                key.equals(ServerConfig.COLLECTION_INTERVAL)
                    ? Optional.of(value)
                    : Optional.empty())
        .collectionIntervalSeconds();
  }

  @Test
  void valuesAreReadAndParsed() {
    Map<String, String> values =
        Map.of(
            ServerConfig.GRPC_PORT, "19090",
            ServerConfig.HISTORY_RETENTION, "2h",
            ServerConfig.CLEANUP_INTERVAL, "PT30S",
            ServerConfig.SSE_KEEPALIVE_INTERVAL, "1500ms",
            ServerConfig.CORS_ALLOWED_ORIGINS, "http://a.example, http://b.example ");
    ServerConfig config = new ServerConfig(key -> Optional.ofNullable(values.get(key)));

    assertThat(config.grpcPort()).isEqualTo(19090);
    assertThat(config.historyRetention()).isEqualTo(Duration.ofHours(2));
    assertThat(config.cleanupInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.sseKeepAliveInterval()).isEqualTo(Duration.ofMillis(1500));
    assertThat(config.corsAllowedOrigins()).containsExactly("http://a.example", "http://b.example");
  }

  @Test
  void badValuesNameTheirKey() {
    assertThatThrownBy(() -> new ServerConfig(key -> value(key, ServerConfig.GRPC_PORT, "x")))
        .hasMessageContaining(ServerConfig.GRPC_PORT);
    assertThatThrownBy(
            () -> new ServerConfig(key -> value(key, ServerConfig.HISTORY_RETENTION, "soon")))
        .hasMessageContaining(ServerConfig.HISTORY_RETENTION);
    assertThatThrownBy(
            () -> new ServerConfig(key -> value(key, ServerConfig.STREAMING_DEFAULT_INTERVAL, "0")))
        .hasMessageContaining("between 1 and 300");
    assertThatThrownBy(
            () -> new ServerConfig(key -> value(key, ServerConfig.SSE_KEEPALIVE_INTERVAL, "20s")))
        .hasMessageContaining("at most 15s");
  }

  @Test
  void durationsAcceptTheCommonForms() {
    assertThat(Durations.parse("90")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
    assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
    assertThat(Durations.parse("pt1m")).isEqualTo(Duration.ofMinutes(1));
    assertThatThrownBy(() -> Durations.parse("5y")).isInstanceOf(IllegalArgumentException.class);
  }

  private static Optional<String> value(String key, String wanted, String value) {
    return key.equals(wanted) ? Optional.of(value) : Optional.empty();
  }
}
