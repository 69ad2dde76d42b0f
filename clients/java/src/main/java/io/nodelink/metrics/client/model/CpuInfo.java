package io.nodelink.metrics.client.model;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** The processor in {@link SystemHardware}. */
public record CpuInfo(
    String model,
    long cores,
    long threads,
    @JsonbProperty("base_frequency_ghz") double baseFrequencyGhz,
    @JsonbProperty("max_frequency_ghz") double maxFrequencyGhz,
    List<String> features) {

  /** Lists and maps are never null: a missing one reads as empty. */
  public CpuInfo {
    features = features == null ? List.of() : List.copyOf(features);
  }
}
