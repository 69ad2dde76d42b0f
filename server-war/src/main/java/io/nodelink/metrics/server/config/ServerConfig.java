package io.nodelink.metrics.server.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * Every server tunable, read once from MicroProfile Config ({@code nodelink.*}; environment
 * variables such as {@code NODELINK_GRPC_PORT} override) with the defaults below. Durations accept
 * {@code 30m}, {@code 5s}, {@code PT30M} or plain seconds (see {@link Durations}).
 *
 * <p>Tests build it from a map with {@link #ServerConfig(Function)}.
 */
@ApplicationScoped
public class ServerConfig {

  public static final String GRPC_PORT = "nodelink.grpc.port";
  public static final String GRPC_HOST = "nodelink.grpc.host";
  public static final String GRPC_KEEPALIVE_TIME = "nodelink.grpc.keepalive-time";
  public static final String GRPC_KEEPALIVE_TIMEOUT = "nodelink.grpc.keepalive-timeout";
  public static final String GRPC_PERMIT_KEEPALIVE_TIME = "nodelink.grpc.permit-keepalive-time";
  public static final String GRPC_MAX_INBOUND_MESSAGE_SIZE =
      "nodelink.grpc.max-inbound-message-size";
  public static final String GRPC_MAX_CONNECTION_IDLE = "nodelink.grpc.max-connection-idle";
  public static final String GRPC_MAX_CONNECTION_AGE = "nodelink.grpc.max-connection-age";
  public static final String GRPC_MAX_CONNECTION_AGE_GRACE =
      "nodelink.grpc.max-connection-age-grace";
  public static final String GRPC_MAX_CALLS_PER_CONNECTION =
      "nodelink.grpc.max-calls-per-connection";
  public static final String GRPC_TLS_CERT = "nodelink.grpc.tls.cert";
  public static final String GRPC_TLS_KEY = "nodelink.grpc.tls.key";
  public static final String GRPC_TLS_CLIENT_CA = "nodelink.grpc.tls.client-ca";
  public static final String SYSTEM_INFO_ON_CONNECT = "nodelink.grpc.system-info-on-connect";
  public static final String AUTH_TOKENS = "nodelink.auth.tokens";
  public static final String AUTH_TOKENS_FILE = "nodelink.auth.tokens-file";
  public static final String AUTH_TOKENS_FILE_POLL_INTERVAL =
      "nodelink.auth.tokens-file.poll-interval";
  public static final String AGENTS_MAX = "nodelink.agents.max";
  public static final String HISTORY_RETENTION = "nodelink.history.retention";
  public static final String HISTORY_MAX_POINTS_DEFAULT = "nodelink.history.max-points-default";
  public static final String HISTORY_MAX_POINTS_LIMIT = "nodelink.history.max-points-limit";
  public static final String HISTORY_MAX_SERIES_PER_AGENT = "nodelink.history.max-series-per-agent";
  public static final String HISTORY_COARSE_INTERVAL = "nodelink.history.coarse.interval";
  public static final String HISTORY_COARSE_RETENTION = "nodelink.history.coarse.retention";
  public static final String HISTORY_CHUNK_SIZE = "nodelink.history.chunk-size";
  public static final String HISTORY_MEMORY_BUDGET = "nodelink.history.memory-budget";
  public static final String HISTORY_CHUNK_WINDOW = "nodelink.history.chunk-window";
  public static final String STORE_ENABLED = "nodelink.store.enabled";
  public static final String STORE_DATASOURCE = "nodelink.store.datasource";
  public static final String STORE_FLUSH_INTERVAL = "nodelink.store.flush-interval";
  public static final String STORE_QUEUE_MAX_BYTES = "nodelink.store.queue-max-bytes";
  public static final String STORE_WRITER_TIMEOUT = "nodelink.store.writer-timeout";
  public static final String STORE_RAW_RETENTION = "nodelink.store.raw.retention";
  public static final String STORE_RAW_MAX_BYTES = "nodelink.store.raw.max-bytes";
  public static final String STORE_MINUTE_RETENTION = "nodelink.store.minute.retention";
  public static final String STORE_MINUTE_MAX_BYTES = "nodelink.store.minute.max-bytes";
  public static final String STORE_HOUR_RETENTION = "nodelink.store.hour.retention";
  public static final String STORE_HOUR_MAX_BYTES = "nodelink.store.hour.max-bytes";
  public static final String CLEANUP_INTERVAL = "nodelink.cleanup.interval";
  public static final String TASKS_RETENTION = "nodelink.tasks.retention";
  public static final String TASKS_MAX = "nodelink.tasks.max";
  public static final String TASKS_MAX_PER_AGENT = "nodelink.tasks.max-per-agent";
  public static final String TASKS_MAX_FINISHED_PER_AGENT = "nodelink.tasks.max-finished-per-agent";
  public static final String STREAMING_MIN_INTERVAL = "nodelink.streaming.min-interval";
  public static final String GRPC_MAX_UNAUTHENTICATED_PER_SOURCE =
      "nodelink.grpc.max-unauthenticated-per-source";
  public static final String STREAMING_DEFAULT_INTERVAL = "nodelink.streaming.default-interval";
  public static final String COLLECTION_INTERVAL = "nodelink.collection.interval";
  public static final String SSE_MAX_CLIENTS_PER_AGENT = "nodelink.sse.max-clients-per-agent";
  public static final String SSE_KEEPALIVE_INTERVAL = "nodelink.sse.keepalive-interval";
  public static final String SSE_QUEUE_SIZE = "nodelink.sse.queue-size";
  public static final String CORS_ALLOWED_ORIGINS = "nodelink.cors.allowed-origins";
  public static final String HTTP_ANONYMOUS_ROLE = "nodelink.http.anonymous-role";
  public static final String INGEST_MAX_FUTURE = "nodelink.ingest.max-future";
  public static final String INGEST_MAX_PACKAGES = "nodelink.ingest.max-packages";
  public static final String STATE_PERSIST = "nodelink.state.persist";
  public static final String INGEST_MAX_LIST_SIZE = "nodelink.ingest.max-list-size";
  public static final String INGEST_MAX_MESSAGES_PER_SECOND =
      "nodelink.ingest.max-messages-per-second";
  public static final String INGEST_MAX_MESSAGES_BURST = "nodelink.ingest.max-messages-burst";
  public static final String INGEST_MAX_BYTES_PER_SECOND = "nodelink.ingest.max-bytes-per-second";
  public static final String INGEST_MAX_BYTES_BURST = "nodelink.ingest.max-bytes-burst";
  public static final String HISTORY_MAX_VALUES = "nodelink.history.max-values";
  public static final String HISTORY_MAX_CONCURRENT_QUERIES =
      "nodelink.history.max-concurrent-queries";
  public static final String SSE_MAX_CLIENTS = "nodelink.sse.max-clients";
  public static final String CLUSTER_NODE_ID = "nodelink.cluster.node-id";
  public static final String STORE_WRITER_ID = "nodelink.store.writer-id";

  private static final Duration MAX_SSE_KEEPALIVE = Duration.ofSeconds(15);

  private final int grpcPort;
  private final String grpcHost;
  private final Duration grpcKeepAliveTime;
  private final Duration grpcKeepAliveTimeout;
  private final Duration grpcPermitKeepAliveTime;
  private final int grpcMaxInboundMessageSize;
  private final Duration grpcMaxConnectionIdle;
  private final Duration grpcMaxConnectionAge;
  private final Duration grpcMaxConnectionAgeGrace;
  private final int grpcMaxCallsPerConnection;
  private final Optional<String> grpcTlsCert;
  private final Optional<String> grpcTlsKey;
  private final Optional<String> grpcTlsClientCa;
  private final boolean systemInfoOnConnect;
  private final String authTokens;
  private final Optional<String> authTokensFile;
  private final Duration authTokensFilePollInterval;
  private final int maxAgents;
  private final Duration historyRetention;
  private final int historyMaxPointsDefault;
  private final int historyMaxPointsLimit;
  private final int historyMaxSeriesPerAgent;
  private final Duration historyCoarseInterval;
  private final Duration historyCoarseRetention;
  private final int historyChunkSize;
  private final long historyMemoryBudgetBytes;
  private final Duration historyChunkWindow;
  private final boolean storeEnabled;
  private final String storeDataSource;
  private final Duration storeFlushInterval;
  private final Duration storeWriterTimeout;
  private final long storeQueueMaxBytes;
  private final StoreTier storeRaw;
  private final StoreTier storeMinute;
  private final StoreTier storeHour;
  private final Duration cleanupInterval;
  private final Duration tasksRetention;
  private final int tasksMax;
  private final int tasksMaxPerAgent;
  private final int tasksMaxFinishedPerAgent;
  private final int streamingMinIntervalSeconds;
  private final int grpcMaxUnauthenticatedPerSource;
  private final int streamingDefaultInterval;
  private final int collectionIntervalSeconds;
  private final int sseMaxClientsPerAgent;
  private final Duration sseKeepAliveInterval;
  private final int sseQueueSize;
  private final List<String> corsAllowedOrigins;
  private final String httpAnonymousRole;
  private final Duration ingestMaxFuture;
  private final int ingestMaxPackages;
  private final boolean statePersist;
  private final int ingestMaxListSize;
  private final IngestQuotas ingestQuotas;
  private final int historyMaxValues;
  private final int historyMaxConcurrentQueries;
  private final int sseMaxClients;
  private final String clusterNodeId;

  /** For CDI: reads MicroProfile Config. */
  @Inject
  public ServerConfig(Config config) {
    this(key -> config.getOptionalValue(key, String.class));
  }

  /** For the CDI proxy only. */
  protected ServerConfig() {
    this(key -> Optional.empty());
  }

  /** Reads every key through {@code lookup}; an absent key takes its default. */
  public ServerConfig(Function<String, Optional<String>> lookup) {
    Reader r = new Reader(lookup);
    grpcPort = r.integer(GRPC_PORT, 9090, 0, 65535);
    grpcHost = r.text(GRPC_HOST, "");
    grpcKeepAliveTime = r.duration(GRPC_KEEPALIVE_TIME, "5s");
    grpcKeepAliveTimeout = r.duration(GRPC_KEEPALIVE_TIMEOUT, "5s");
    grpcPermitKeepAliveTime = r.duration(GRPC_PERMIT_KEEPALIVE_TIME, "1s");
    grpcMaxInboundMessageSize =
        r.integer(GRPC_MAX_INBOUND_MESSAGE_SIZE, 8 * 1024 * 1024, 1024, Integer.MAX_VALUE);
    grpcMaxConnectionIdle = r.durationOrOff(GRPC_MAX_CONNECTION_IDLE, "5m");
    grpcMaxConnectionAge = r.durationOrOff(GRPC_MAX_CONNECTION_AGE, "0");
    grpcMaxConnectionAgeGrace = r.durationOrOff(GRPC_MAX_CONNECTION_AGE_GRACE, "0");
    grpcMaxCallsPerConnection =
        r.integer(GRPC_MAX_CALLS_PER_CONNECTION, 1000, 1, Integer.MAX_VALUE);
    grpcTlsCert = r.optional(GRPC_TLS_CERT);
    grpcTlsKey = r.optional(GRPC_TLS_KEY);
    grpcTlsClientCa = r.optional(GRPC_TLS_CLIENT_CA);
    systemInfoOnConnect = Boolean.parseBoolean(r.text(SYSTEM_INFO_ON_CONNECT, "true"));
    statePersist = Boolean.parseBoolean(r.text(STATE_PERSIST, "true"));
    authTokens = r.text(AUTH_TOKENS, "");
    authTokensFile = r.optional(AUTH_TOKENS_FILE);
    authTokensFilePollInterval = r.duration(AUTH_TOKENS_FILE_POLL_INTERVAL, "5s");
    maxAgents = r.integer(AGENTS_MAX, 10_000, 1, Integer.MAX_VALUE);
    historyRetention = r.duration(HISTORY_RETENTION, "30m");
    historyMaxPointsDefault = r.integer(HISTORY_MAX_POINTS_DEFAULT, 1000, 1, Integer.MAX_VALUE);
    historyMaxPointsLimit = r.integer(HISTORY_MAX_POINTS_LIMIT, 10_000, 1, Integer.MAX_VALUE);
    historyMaxSeriesPerAgent = r.integer(HISTORY_MAX_SERIES_PER_AGENT, 2000, 1, Integer.MAX_VALUE);
    historyCoarseInterval = r.duration(HISTORY_COARSE_INTERVAL, "1m");
    historyCoarseRetention = r.duration(HISTORY_COARSE_RETENTION, "24h");
    historyChunkSize = r.integer(HISTORY_CHUNK_SIZE, 600, 16, 65_536);
    historyMemoryBudgetBytes = r.bytes(HISTORY_MEMORY_BUDGET, 512L << 20);
    historyChunkWindow = r.duration(HISTORY_CHUNK_WINDOW, "10m");
    storeEnabled = Boolean.parseBoolean(r.text(STORE_ENABLED, "true"));
    storeDataSource = r.text(STORE_DATASOURCE, "jdbc/nodelink");
    storeFlushInterval = r.duration(STORE_FLUSH_INTERVAL, "5s");
    storeQueueMaxBytes = r.bytes(STORE_QUEUE_MAX_BYTES, 64L << 20);
    storeWriterTimeout = r.duration(STORE_WRITER_TIMEOUT, "30s");
    storeRaw =
        new StoreTier(
            r.duration(STORE_RAW_RETENTION, "14d"), r.bytes(STORE_RAW_MAX_BYTES, 50L << 30));
    storeMinute =
        new StoreTier(
            r.duration(STORE_MINUTE_RETENTION, "90d"), r.bytes(STORE_MINUTE_MAX_BYTES, 10L << 30));
    storeHour =
        new StoreTier(
            r.duration(STORE_HOUR_RETENTION, "730d"), r.bytes(STORE_HOUR_MAX_BYTES, 5L << 30));
    cleanupInterval = r.duration(CLEANUP_INTERVAL, "5m");
    tasksRetention = r.duration(TASKS_RETENTION, "30m");
    tasksMax = r.integer(TASKS_MAX, 100_000, 1, Integer.MAX_VALUE);
    tasksMaxPerAgent = r.integer(TASKS_MAX_PER_AGENT, 100, 1, Integer.MAX_VALUE);
    tasksMaxFinishedPerAgent = r.integer(TASKS_MAX_FINISHED_PER_AGENT, 100, 1, Integer.MAX_VALUE);
    streamingMinIntervalSeconds =
        wholeSeconds(STREAMING_MIN_INTERVAL, r.duration(STREAMING_MIN_INTERVAL, "1s"));
    grpcMaxUnauthenticatedPerSource =
        r.integer(GRPC_MAX_UNAUTHENTICATED_PER_SOURCE, 16, 0, Integer.MAX_VALUE);
    streamingDefaultInterval = r.integer(STREAMING_DEFAULT_INTERVAL, 5, 1, 300);
    collectionIntervalSeconds = r.streamSecondsOrOff(COLLECTION_INTERVAL, "10s");
    sseMaxClientsPerAgent = r.integer(SSE_MAX_CLIENTS_PER_AGENT, 100, 1, Integer.MAX_VALUE);
    sseKeepAliveInterval = r.duration(SSE_KEEPALIVE_INTERVAL, "5s");
    if (sseKeepAliveInterval.compareTo(MAX_SSE_KEEPALIVE) > 0) {
      // The contract promises a comment line at least every 15 s.
      throw new IllegalArgumentException(SSE_KEEPALIVE_INTERVAL + " must be at most 15s");
    }
    sseQueueSize = r.integer(SSE_QUEUE_SIZE, 64, 1, Integer.MAX_VALUE);
    httpAnonymousRole = r.oneOf(HTTP_ANONYMOUS_ROLE, "none", List.of("none", "viewer", "operator"));
    // With login required, browsers on other origins get nothing unless listed (same-origin); an
    // open server keeps the original contract's any-origin default.
    corsAllowedOrigins =
        Arrays.stream(
                r.text(CORS_ALLOWED_ORIGINS, "none".equals(httpAnonymousRole) ? "" : "*")
                    .split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .toList();
    ingestMaxFuture = r.duration(INGEST_MAX_FUTURE, "10m");
    ingestMaxPackages = r.integer(INGEST_MAX_PACKAGES, 20_000, 0, Integer.MAX_VALUE);
    ingestMaxListSize = r.integer(INGEST_MAX_LIST_SIZE, 4096, 1, Integer.MAX_VALUE);
    ingestQuotas =
        new IngestQuotas(
            r.integer(INGEST_MAX_MESSAGES_PER_SECOND, 20, 0, Integer.MAX_VALUE),
            r.integer(INGEST_MAX_MESSAGES_BURST, 2000, 1, Integer.MAX_VALUE),
            r.bytes(INGEST_MAX_BYTES_PER_SECOND, 1L << 20),
            r.bytes(INGEST_MAX_BYTES_BURST, 32L << 20));
    if (ingestQuotas.bytesBurst() < 1) {
      throw new IllegalArgumentException(INGEST_MAX_BYTES_BURST + " must be at least 1");
    }
    historyMaxValues = r.integer(HISTORY_MAX_VALUES, 1_000_000, 1, Integer.MAX_VALUE);
    historyMaxConcurrentQueries =
        r.integer(HISTORY_MAX_CONCURRENT_QUERIES, 16, 1, Integer.MAX_VALUE);
    sseMaxClients = r.integer(SSE_MAX_CLIENTS, 1000, 1, Integer.MAX_VALUE);
    clusterNodeId = r.text(CLUSTER_NODE_ID, "").strip();
  }

  /** A configuration with every default, for tests. */
  public static ServerConfig defaults() {
    return new ServerConfig(key -> Optional.empty());
  }

  public int grpcPort() {
    return grpcPort;
  }

  /** The address to bind; empty means every interface. */
  public String grpcHost() {
    return grpcHost;
  }

  /** How often the server pings an idle agent connection. */
  public Duration grpcKeepAliveTime() {
    return grpcKeepAliveTime;
  }

  /** How long an unanswered ping may take before the connection is dropped. */
  public Duration grpcKeepAliveTimeout() {
    return grpcKeepAliveTimeout;
  }

  /** The most frequent agent ping the server tolerates; must not exceed the agents' interval. */
  public Duration grpcPermitKeepAliveTime() {
    return grpcPermitKeepAliveTime;
  }

  public int grpcMaxInboundMessageSize() {
    return grpcMaxInboundMessageSize;
  }

  /**
   * How long a connection may carry no call before the server closes it; {@link Duration#ZERO} =
   * never. An agent's stream never ends while it is connected, so this closes only connections that
   * opened no stream (or whose stream ended), such as idle unauthenticated ones.
   */
  public Duration grpcMaxConnectionIdle() {
    return grpcMaxConnectionIdle;
  }

  /**
   * How long a connection may live before the server asks the agent to reconnect; {@link
   * Duration#ZERO} = never. Forced reconnects only help fleets behind a load balancer.
   */
  public Duration grpcMaxConnectionAge() {
    return grpcMaxConnectionAge;
  }

  /**
   * After {@link #grpcMaxConnectionAge}, how long open calls may go on before the connection is
   * closed; {@link Duration#ZERO} = as long as they last.
   */
  public Duration grpcMaxConnectionAgeGrace() {
    return grpcMaxConnectionAgeGrace;
  }

  /**
   * Calls one connection may have open at once. A real agent needs one, but {@code bin/agent
   * --simulate} multiplexes up to 500 simulated agents on one connection by default.
   */
  public int grpcMaxCallsPerConnection() {
    return grpcMaxCallsPerConnection;
  }

  public Optional<String> grpcTlsCert() {
    return grpcTlsCert;
  }

  public Optional<String> grpcTlsKey() {
    return grpcTlsKey;
  }

  /**
   * PEM bundle of the CAs whose client certificates agents must present (mutual TLS, with the agent
   * id named in the certificate); absent = no client certificates.
   */
  public Optional<String> grpcTlsClientCa() {
    return grpcTlsClientCa;
  }

  /** Whether the server asks a newly connected agent for its system information. */
  public boolean systemInfoOnConnect() {
    return systemInfoOnConnect;
  }

  /**
   * Whether the server keeps its own state (known agents, tasks, manual holds) in the dataSource
   * {@code jdbc/nodelink}; false keeps it in memory only, lost on restart.
   */
  public boolean statePersist() {
    return statePersist;
  }

  /** Comma list of {@code agentId:token} pairs ({@code *} accepts any agent id). */
  public String authTokens() {
    return authTokens;
  }

  public Optional<String> authTokensFile() {
    return authTokensFile;
  }

  /** How often the tokens file is checked for changes (reloaded without a restart). */
  public Duration authTokensFilePollInterval() {
    return authTokensFilePollInterval;
  }

  public int maxAgents() {
    return maxAgents;
  }

  /** How long history is kept, and how long an offline agent stays listed. */
  public Duration historyRetention() {
    return historyRetention;
  }

  public int historyMaxPointsDefault() {
    return historyMaxPointsDefault;
  }

  /** The largest {@code max_points} a history query may ask for. */
  public int historyMaxPointsLimit() {
    return historyMaxPointsLimit;
  }

  public int historyMaxSeriesPerAgent() {
    return historyMaxSeriesPerAgent;
  }

  /** The bucket width of the coarse history tier (min/avg/max/last per bucket). */
  public Duration historyCoarseInterval() {
    return historyCoarseInterval;
  }

  /** How long the coarse history tier is kept. */
  public Duration historyCoarseRetention() {
    return historyCoarseRetention;
  }

  /** Raw points per compressed history chunk. */
  public int historyChunkSize() {
    return historyChunkSize;
  }

  /** Bytes of history kept before the oldest chunks are dropped; 0 means no budget. */
  public long historyMemoryBudgetBytes() {
    return historyMemoryBudgetBytes;
  }

  /** Raw chunks never cross a multiple of it: the unit of durable writes. */
  public Duration historyChunkWindow() {
    return historyChunkWindow;
  }

  /** Whether history is kept in the database ({@code false}: memory only, lost on restart). */
  public boolean storeEnabled() {
    return storeEnabled;
  }

  /** The JNDI name of the data source the history is kept in. */
  public String storeDataSource() {
    return storeDataSource;
  }

  /** How often unwritten history goes to the database: what a crash may lose at most. */
  public Duration storeFlushInterval() {
    return storeFlushInterval;
  }

  /**
   * A server sharing the history database that wrote nothing for this long is taken for dead, and
   * another takes over what it had not written into chunks yet.
   */
  public Duration storeWriterTimeout() {
    return storeWriterTimeout;
  }

  /** The most bytes of history waiting for a slow or absent database. */
  public long storeQueueMaxBytes() {
    return storeQueueMaxBytes;
  }

  /** Retention and size budget of raw points in the database. */
  public StoreTier storeRaw() {
    return storeRaw;
  }

  /** Retention and size budget of one-minute buckets in the database. */
  public StoreTier storeMinute() {
    return storeMinute;
  }

  /** Retention and size budget of one-hour buckets in the database. */
  public StoreTier storeHour() {
    return storeHour;
  }

  /**
   * A database tier's limits.
   *
   * @param retention how long its data is kept
   * @param maxBytes the most bytes it keeps (0 = no budget)
   */
  public record StoreTier(Duration retention, long maxBytes) {}

  /** This server's name in a cluster sharing the state database; empty for a server alone. */
  public String clusterNodeId() {
    return clusterNodeId;
  }

  public Duration cleanupInterval() {
    return cleanupInterval;
  }

  /** How long a finished task stays visible. */
  public Duration tasksRetention() {
    return tasksRetention;
  }

  public int tasksMax() {
    return tasksMax;
  }

  /** Open (not final) tasks one agent may have at once. */
  public int tasksMaxPerAgent() {
    return tasksMaxPerAgent;
  }

  /** Finished tasks kept of one agent; older ones go before their retention ends. */
  public int tasksMaxFinishedPerAgent() {
    return tasksMaxFinishedPerAgent;
  }

  /** The shortest streaming interval the server asks any agent for; shorter requests are raised. */
  public int streamingMinIntervalSeconds() {
    return streamingMinIntervalSeconds;
  }

  /** gRPC connections from one remote address that have not authenticated yet; 0 = no cap. */
  public int grpcMaxUnauthenticatedPerSource() {
    return grpcMaxUnauthenticatedPerSource;
  }

  /** A streaming interval in whole seconds, 1–300 (an agent streams in whole seconds). */
  private static int wholeSeconds(String key, Duration value) {
    long seconds = value.toSeconds();
    if (seconds < 1 || seconds > 300 || value.getNano() != 0) {
      throw new IllegalArgumentException(key + " must be whole seconds from 1s to 300s");
    }
    return (int) seconds;
  }

  public int streamingDefaultInterval() {
    return streamingDefaultInterval;
  }

  /**
   * The baseline every connected agent streams at whether or not anyone watches, in whole seconds;
   * 0 means off (streaming only on demand, the original behaviour).
   */
  public int collectionIntervalSeconds() {
    return collectionIntervalSeconds;
  }

  public int sseMaxClientsPerAgent() {
    return sseMaxClientsPerAgent;
  }

  public Duration sseKeepAliveInterval() {
    return sseKeepAliveInterval;
  }

  /** Events buffered per SSE client before the client counts as stuck and is dropped. */
  public int sseQueueSize() {
    return sseQueueSize;
  }

  /**
   * Allowed CORS origins; {@code *} allows any (never with credentials). Default: none besides the
   * server's own when login is required, any when anonymous callers have a role.
   */
  public List<String> corsAllowedOrigins() {
    return corsAllowedOrigins;
  }

  /** What a caller without credentials may do: {@code none}, {@code viewer} or {@code operator}. */
  public String httpAnonymousRole() {
    return httpAnonymousRole;
  }

  /** Reads typed values with defaults and range checks, naming the key in every error. */
  private record Reader(Function<String, Optional<String>> lookup) {

    String text(String key, String fallback) {
      return optional(key).orElse(fallback);
    }

    String oneOf(String key, String fallback, List<String> allowed) {
      String value = text(key, fallback).toLowerCase(java.util.Locale.ROOT);
      if (!allowed.contains(value)) {
        throw new IllegalArgumentException(
            key + " must be one of " + String.join(", ", allowed) + ", got '" + value + "'");
      }
      return value;
    }

    Optional<String> optional(String key) {
      return lookup.apply(key).map(String::trim).filter(s -> !s.isEmpty());
    }

    /** A byte count: plain bytes or with a binary suffix, {@code 512m}, {@code 2g}, {@code 64k}. */
    long bytes(String key, long fallback) {
      Optional<String> raw = optional(key);
      if (raw.isEmpty()) {
        return fallback;
      }
      String text = raw.get().trim().toLowerCase(java.util.Locale.ROOT);
      int shift =
          switch (text.isEmpty() ? ' ' : text.charAt(text.length() - 1)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
          };
      String digits = shift == 0 ? text : text.substring(0, text.length() - 1);
      try {
        long value = Long.parseLong(digits.trim());
        if (value < 0 || value > (Long.MAX_VALUE >> shift)) {
          throw new IllegalArgumentException(key + " is out of range: '" + raw.get() + "'");
        }
        return value << shift;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            key + " is not a byte count (e.g. 536870912, 512m, 2g): '" + raw.get() + "'", e);
      }
    }

    int integer(String key, int fallback, int min, int max) {
      Optional<String> raw = optional(key);
      if (raw.isEmpty()) {
        return fallback;
      }
      try {
        int value = Integer.parseInt(raw.get());
        if (value < min || value > max) {
          throw new IllegalArgumentException(
              key + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(key + " is not a number: '" + raw.get() + "'", e);
      }
    }

    /**
     * A duration an agent can stream at (whole seconds, 1 to 300, the wire protocol's range) or 0
     * for off.
     */
    int streamSecondsOrOff(String key, String fallback) {
      try {
        Duration value = Durations.parse(text(key, fallback));
        if (value.isZero()) {
          return 0;
        }
        if (value.isNegative() || value.toNanosPart() != 0 || value.getSeconds() > 300) {
          throw new IllegalArgumentException(
              "must be 0 (off) or whole seconds from 1s to 300s, got '"
                  + text(key, fallback)
                  + "'");
        }
        return (int) value.getSeconds();
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
      }
    }

    /** A positive duration, or {@link Duration#ZERO} for off. */
    Duration durationOrOff(String key, String fallback) {
      try {
        Duration value = Durations.parse(text(key, fallback));
        if (value.isNegative()) {
          throw new IllegalArgumentException(key + " must be 0 (off) or positive");
        }
        return value;
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
      }
    }

    Duration duration(String key, String fallback) {
      try {
        Duration value = Durations.parse(text(key, fallback));
        if (value.isNegative() || value.isZero()) {
          throw new IllegalArgumentException(key + " must be positive");
        }
        return value;
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
      }
    }
  }

  /** How far ahead of the server clock a snapshot's timestamp may be before it is clamped. */
  public Duration ingestMaxFuture() {
    return ingestMaxFuture;
  }

  /** Installed packages kept of one system info; the rest are dropped. */
  public int ingestMaxPackages() {
    return ingestMaxPackages;
  }

  /**
   * The most entries kept of any repeated field of an agent message (disks, interfaces, cores, IP
   * addresses, CPU features, ...) other than installed packages; the rest are dropped.
   */
  public int ingestMaxListSize() {
    return ingestMaxListSize;
  }

  /** The per-agent ingest quotas. */
  public IngestQuotas ingestQuotas() {
    return ingestQuotas;
  }

  /**
   * Per-agent token buckets for what an agent sends: a rate of 0 switches that quota off.
   *
   * @param messagesPerSecond messages refilled per second
   * @param messagesBurst messages an agent may send at once (its buffer replay after a reconnect)
   * @param bytesPerSecond serialized bytes refilled per second
   * @param bytesBurst serialized bytes an agent may send at once
   */
  public record IngestQuotas(
      long messagesPerSecond, long messagesBurst, long bytesPerSecond, long bytesBurst) {}

  /**
   * The most values one history answer may hold, counted before the query runs as series × {@code
   * max_points}.
   */
  public int historyMaxValues() {
    return historyMaxValues;
  }

  /** History queries answered at once; more get 503 with {@code Retry-After}. */
  public int historyMaxConcurrentQueries() {
    return historyMaxConcurrentQueries;
  }

  /** SSE clients over all agents; more get 503. */
  public int sseMaxClients() {
    return sseMaxClients;
  }
}
