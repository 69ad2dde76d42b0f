package io.nodelink.metrics.server.prometheus.remotewrite;

import io.nodelink.metrics.server.config.Durations;
import io.nodelink.metrics.server.delivery.ConfiguredNames;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One remote-write destination, from MicroProfile Config keys {@code
 * nodelink.remote-write.<name>.<key>} (or the environment's {@code
 * NODELINK_REMOTE_WRITE_<NAME>_<KEY>}, which MP Config maps to them). A destination exists when its
 * {@code url} is set.
 *
 * @param name the destination's name, lower case (the metrics' {@code destination} tag)
 * @param url the receiver, e.g. {@code http://prometheus:9090/api/v1/write}
 * @param username basic auth user (with {@code password}); empty = none
 * @param password basic auth password; never logged
 * @param bearerToken {@code Authorization: Bearer}; empty = none; never logged
 * @param job the {@code job} label of every series sent (a scrape's job name)
 * @param caFile PEM certificates to trust for an https {@code url} instead of the JVM's; null = the
 *     JVM's
 * @param queueMaxSamples samples held while the destination is slow or down; the oldest go first
 * @param batchMaxSamples samples per request at most
 * @param shards requests in flight at once; an agent's series always go through the same one, so
 *     each series reaches the receiver in time order
 * @param flushInterval how often a partly filled queue is sent
 * @param minBackoff first wait after a failed request
 * @param maxBackoff longest wait between retries
 * @param timeout connect and request timeout
 */
public record RemoteWriteSettings(
    String name,
    URI url,
    String username,
    String password,
    String bearerToken,
    String job,
    Path caFile,
    int queueMaxSamples,
    int batchMaxSamples,
    int shards,
    Duration flushInterval,
    Duration minBackoff,
    Duration maxBackoff,
    Duration timeout) {

  static final String PREFIX = "nodelink.remote-write.";

  /**
   * Enough parallel requests for a fleet of thousands of agents at 1 s (~350,000 samples/s at 2,000
   * per request), few enough that an outage costs little.
   */
  static final int DEFAULT_SHARDS = 4;

  private static final Pattern CONFIG_KEY =
      Pattern.compile("nodelink\\.remote-write\\.([^.]+)\\.url");
  private static final Pattern ENV_KEY = Pattern.compile("NODELINK_REMOTE_WRITE_(.+)_URL");

  /** Every destination whose {@code url} is set, by name. */
  public static List<RemoteWriteSettings> all(
      Iterable<String> propertyNames, Function<String, Optional<String>> lookup) {
    return names(propertyNames).stream()
        .map(name -> read(name, lookup))
        .filter(s -> s != null)
        .toList();
  }

  /** The destination names among configuration property names (both spellings). */
  static Set<String> names(Iterable<String> propertyNames) {
    return ConfiguredNames.among(propertyNames, CONFIG_KEY, ENV_KEY);
  }

  /** The destination {@code name}, or null if its url is blank. */
  static RemoteWriteSettings read(String name, Function<String, Optional<String>> lookup) {
    Function<String, String> text =
        key -> lookup.apply(PREFIX + name + "." + key).map(String::strip).orElse("");
    String url = text.apply("url");
    if (url.isEmpty()) {
      return null;
    }
    String ca = text.apply("tls.ca-file");
    return new RemoteWriteSettings(
        name,
        URI.create(url),
        text.apply("username"),
        text.apply("password"),
        text.apply("bearer-token"),
        text.apply("job").isEmpty() ? "nodelink" : text.apply("job"),
        ca.isEmpty() ? null : Path.of(ca),
        positive(text.apply("queue-max-samples"), 200_000, name),
        positive(text.apply("batch-max-samples"), 2_000, name),
        positive(text.apply("shards"), DEFAULT_SHARDS, name),
        duration(text.apply("flush-interval"), "1s"),
        duration(text.apply("min-backoff"), "100ms"),
        duration(text.apply("max-backoff"), "10s"),
        duration(text.apply("timeout"), "30s"));
  }

  private static int positive(String text, int fallback, String name) {
    if (text.isEmpty()) {
      return fallback;
    }
    int value = Integer.parseInt(text.replace("_", ""));
    if (value < 1) {
      throw new IllegalArgumentException(
          "remote-write destination " + name + ": sizes must be at least 1, got " + value);
    }
    return value;
  }

  private static Duration duration(String text, String fallback) {
    return Durations.parse(text.isEmpty() ? fallback : text);
  }

  /** The url without user information, for logs. */
  public String safeUrl() {
    return url.getScheme()
        + "://"
        + url.getHost()
        + (url.getPort() < 0 ? "" : ":" + url.getPort())
        + url.getRawPath();
  }

  /** Secrets stay out of logs and messages. */
  @Override
  public String toString() {
    return "remote-write " + name + " → " + safeUrl();
  }
}
