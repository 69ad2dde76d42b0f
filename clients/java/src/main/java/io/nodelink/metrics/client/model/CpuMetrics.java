package io.nodelink.metrics.client.model;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** CPU usage of one {@link MetricsSnapshot}; {@code temperatureCelsius} is 0 when unknown. */
public record CpuMetrics(
    @JsonbProperty("usage_percent") double usagePercent,
    @JsonbProperty("core_usage") List<Double> coreUsage,
    @JsonbProperty("user_percent") double userPercent,
    @JsonbProperty("system_percent") double systemPercent,
    @JsonbProperty("idle_percent") double idlePercent,
    @JsonbProperty("iowait_percent") double iowaitPercent,
    @JsonbProperty("temperature_celsius") double temperatureCelsius) {

  /** Lists and maps are never null: a missing one reads as empty. */
  public CpuMetrics {
    coreUsage = coreUsage == null ? List.of() : List.copyOf(coreUsage);
  }
}
