package io.nodelink.metrics.server.alerts;

import io.nodelink.metrics.server.config.Durations;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Alerting's tunables ({@code nodelink.alerts.*}, environment {@code NODELINK_ALERTS_*}), read
 * once. Receivers have their own ({@code notify.ReceiverSettings}).
 *
 * @param defaultRules whether the default pack is on
 * @param rulesFile a JSON rules file, read-only through the API; empty = none
 * @param rulesFilePollInterval how often the rules file is checked for changes
 * @param tick how often no-data, repeats and silences are looked at
 * @param historyRetention how long the alert log is kept
 * @param repeatInterval a firing alert is notified again this often
 */
public record AlertSettings(
    boolean enabled,
    boolean defaultRules,
    Optional<String> rulesFile,
    Duration rulesFilePollInterval,
    Duration tick,
    Duration historyRetention,
    Duration repeatInterval) {

  public static final String PREFIX = "nodelink.alerts.";

  /** From configuration keys, {@code lookup} answering a key's value if set. */
  public static AlertSettings read(Function<String, Optional<String>> lookup) {
    Function<String, Optional<String>> key =
        k -> lookup.apply(PREFIX + k).map(String::strip).filter(v -> !v.isEmpty());
    return new AlertSettings(
        key.apply("enabled").map(Boolean::parseBoolean).orElse(true),
        key.apply("default-rules").map(Boolean::parseBoolean).orElse(true),
        key.apply("rules-file"),
        Durations.parse(key.apply("rules-file.poll-interval").orElse("5s")),
        Durations.parse(key.apply("tick").orElse("5s")),
        Durations.parse(key.apply("history.retention").orElse("30d")),
        Durations.parse(key.apply("repeat-interval").orElse("4h")));
  }

  /** Every default. */
  public static AlertSettings defaults() {
    return read(k -> Optional.empty());
  }
}
