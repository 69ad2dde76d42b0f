package io.nodelink.metrics.server.alerts.notify;

import io.nodelink.metrics.server.config.Durations;
import io.nodelink.metrics.server.delivery.ConfiguredNames;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One receiver of alert notifications, from MicroProfile Config: webhooks {@code
 * nodelink.alerts.webhook.<name>.<key>} (or purely from the environment, {@code
 * NODELINK_ALERTS_WEBHOOK_<NAME>_URL}), Alertmanager {@code nodelink.alerts.alertmanager.<key>}. A
 * receiver exists when its {@code url} is set.
 *
 * @param name the receiver's name (the metrics' {@code receiver} tag): the webhook's, lower case,
 *     or {@code alertmanager}
 * @param kind {@code webhook} or {@code alertmanager}
 * @param url where to post (Alertmanager: its base URL, {@code /api/v2/alerts} is added)
 * @param authHeader {@code Name: value} sent with every request (e.g. {@code Authorization: Bearer
 *     ...}); empty = none; never logged
 * @param repeatInterval a firing alert is sent again this often
 * @param queueMax alerts held while the receiver is down; the oldest go first
 * @param minBackoff first wait after a failed request
 * @param maxBackoff longest wait between retries
 * @param timeout connect and request timeout
 */
public record ReceiverSettings(
    String name,
    String kind,
    URI url,
    String authHeader,
    Duration repeatInterval,
    int queueMax,
    Duration minBackoff,
    Duration maxBackoff,
    Duration timeout) {

  public static final String WEBHOOK = "webhook";
  public static final String ALERTMANAGER = "alertmanager";

  private static final String PREFIX = "nodelink.alerts.";
  private static final Pattern CONFIG_KEY =
      Pattern.compile("nodelink\\.alerts\\.webhook\\.([^.]+)\\.url");
  private static final Pattern ENV_KEY = Pattern.compile("NODELINK_ALERTS_WEBHOOK_(.+)_URL");

  /**
   * Every receiver whose url is set: the webhooks by name, then Alertmanager.
   *
   * @param defaultRepeat {@code nodelink.alerts.repeat-interval}
   */
  public static List<ReceiverSettings> all(
      Iterable<String> propertyNames,
      Function<String, Optional<String>> lookup,
      Duration defaultRepeat) {
    List<ReceiverSettings> all = new ArrayList<>();
    for (String name : webhookNames(propertyNames)) {
      read(WEBHOOK, name, PREFIX + "webhook." + name + ".", lookup, defaultRepeat)
          .ifPresent(all::add);
    }
    read(ALERTMANAGER, ALERTMANAGER, PREFIX + "alertmanager.", lookup, defaultRepeat)
        .ifPresent(all::add);
    return all;
  }

  static Set<String> webhookNames(Iterable<String> propertyNames) {
    return ConfiguredNames.among(propertyNames, CONFIG_KEY, ENV_KEY);
  }

  private static Optional<ReceiverSettings> read(
      String kind,
      String name,
      String prefix,
      Function<String, Optional<String>> lookup,
      Duration defaultRepeat) {
    Function<String, String> text = key -> lookup.apply(prefix + key).map(String::strip).orElse("");
    String url = text.apply("url");
    if (url.isEmpty()) {
      return Optional.empty();
    }
    String header = text.apply("auth-header");
    if (!header.isEmpty() && header.indexOf(':') < 1) {
      throw new IllegalArgumentException(
          "alert receiver " + name + ": auth-header must be 'Name: value'");
    }
    String repeat = text.apply("repeat-interval");
    String queue = text.apply("queue-max");
    return Optional.of(
        new ReceiverSettings(
            name,
            kind,
            URI.create(url),
            header,
            repeat.isEmpty() ? defaultRepeat : Durations.parse(repeat),
            queue.isEmpty() ? 10_000 : Integer.parseInt(queue),
            Durations.parse(or(text.apply("min-backoff"), "1s")),
            Durations.parse(or(text.apply("max-backoff"), "1m")),
            Durations.parse(or(text.apply("timeout"), "10s"))));
  }

  private static String or(String value, String fallback) {
    return value.isEmpty() ? fallback : value;
  }

  /** The url without user information or query, for logs. */
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
    return kind + " " + name + " → " + safeUrl();
  }
}
