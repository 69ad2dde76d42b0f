package io.nodelink.metrics.server.cluster;

import io.nodelink.metrics.server.config.Durations;
import io.nodelink.metrics.server.config.ServerConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How this server takes part in a cluster of servers sharing one database, from MicroProfile Config
 * ({@code nodelink.cluster.*}, or the environment's {@code NODELINK_CLUSTER_*}). Without a node id
 * the server is alone, as before.
 *
 * @param nodeId this server's name in the cluster, stable across restarts; empty = no cluster
 * @param advertiseUrl where the other servers reach this one's API (scheme, host, port), e.g.
 *     {@code http://10.0.0.5:8080}
 * @param heartbeat how often this server says it is alive and checks its agents' ownership
 * @param nodeTimeout a server whose last heartbeat is older is taken as gone
 * @param requestTimeout how long a request passed on to another server may take (not SSE streams)
 */
public record ClusterSettings(
    String nodeId,
    URI advertiseUrl,
    Duration heartbeat,
    Duration nodeTimeout,
    Duration requestTimeout) {

  public static final String NODE_ID = ServerConfig.CLUSTER_NODE_ID;
  public static final String ADVERTISE_URL = "nodelink.cluster.advertise-url";
  public static final String HEARTBEAT = "nodelink.cluster.heartbeat";
  public static final String NODE_TIMEOUT = "nodelink.cluster.node-timeout";
  public static final String REQUEST_TIMEOUT = "nodelink.cluster.request-timeout";

  private static final Pattern NODE_ID_PATTERN = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** A server on its own. */
  public static final ClusterSettings ALONE =
      new ClusterSettings(
          "", null, Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(10));

  public ClusterSettings {
    if (!nodeId.isEmpty()) {
      if (!NODE_ID_PATTERN.matcher(nodeId).matches()) {
        throw new IllegalArgumentException(
            NODE_ID + " must be 1-64 letters, digits, '.', '_' or '-': " + nodeId);
      }
      if (advertiseUrl == null
          || advertiseUrl.getHost() == null
          || !advertiseUrl.getScheme().matches("https?")) {
        throw new IllegalArgumentException(
            ADVERTISE_URL
                + " must be an http(s) URL of this server's API when "
                + NODE_ID
                + " is set: "
                + advertiseUrl);
      }
    }
    if (nodeTimeout.compareTo(heartbeat.multipliedBy(2)) < 0) {
      throw new IllegalArgumentException(
          NODE_TIMEOUT + " must be at least twice " + HEARTBEAT + ": " + nodeTimeout);
    }
  }

  /** Reads the settings; {@code lookup} answers a key's value if set. */
  public static ClusterSettings read(Function<String, Optional<String>> lookup) {
    String nodeId = lookup.apply(NODE_ID).map(String::strip).orElse("");
    URI url =
        lookup
            .apply(ADVERTISE_URL)
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .map(s -> URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s))
            .orElse(null);
    return new ClusterSettings(
        nodeId,
        url,
        duration(lookup, HEARTBEAT, ALONE.heartbeat()),
        duration(lookup, NODE_TIMEOUT, ALONE.nodeTimeout()),
        duration(lookup, REQUEST_TIMEOUT, ALONE.requestTimeout()));
  }

  private static Duration duration(
      Function<String, Optional<String>> lookup, String key, Duration fallback) {
    return lookup.apply(key).map(Durations::parse).orElse(fallback);
  }

  public boolean enabled() {
    return !nodeId.isEmpty();
  }
}
