package io.nodelink.metrics.client.model;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** {@code GET /agents/{id}/metrics} and the data of each SSE {@code metrics} event. */
public record MetricsSnapshot(
    @JsonbProperty("agent_id") String agentId,
    long timestamp,
    CpuMetrics cpu,
    MemoryMetrics memory,
    List<DiskMetrics> disks,
    @JsonbProperty("network_interfaces") List<NetworkMetrics> networkInterfaces,
    ProcessMetrics processes,
    LoadMetrics load,
    CollectionStats collection) {

  /** Lists and maps are never null: a missing one reads as empty. */
  public MetricsSnapshot {
    disks = disks == null ? List.of() : List.copyOf(disks);
    networkInterfaces = networkInterfaces == null ? List.of() : List.copyOf(networkInterfaces);
  }
}
