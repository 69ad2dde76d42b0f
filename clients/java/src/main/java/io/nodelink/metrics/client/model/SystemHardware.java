package io.nodelink.metrics.client.model;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** The hardware part of {@link SystemInfo}. */
public record SystemHardware(
    CpuInfo cpu,
    MemoryInfo memory,
    List<DiskInfo> disks,
    String architecture,
    @JsonbProperty("core_count") long coreCount,
    @JsonbProperty("thread_count") long threadCount) {

  /** Lists and maps are never null: a missing one reads as empty. */
  public SystemHardware {
    disks = disks == null ? List.of() : List.copyOf(disks);
  }
}
