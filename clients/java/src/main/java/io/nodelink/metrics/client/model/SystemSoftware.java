package io.nodelink.metrics.client.model;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** The software part of {@link SystemInfo}. */
public record SystemSoftware(
    OperatingSystem os,
    String hostname,
    @JsonbProperty("uptime_seconds") long uptimeSeconds,
    List<InstalledPackage> packages) {

  /** Lists and maps are never null: a missing one reads as empty. */
  public SystemSoftware {
    packages = packages == null ? List.of() : List.copyOf(packages);
  }
}
