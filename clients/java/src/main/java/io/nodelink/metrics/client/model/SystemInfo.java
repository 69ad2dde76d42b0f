package io.nodelink.metrics.client.model;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** {@code GET /agents/{id}/system}: the agent's hardware, software and network configuration. */
public record SystemInfo(
    @JsonbProperty("agent_id") String agentId,
    long timestamp,
    SystemHardware hardware,
    SystemSoftware software,
    @JsonbProperty("network_interfaces") List<NetworkInterfaceInfo> networkInterfaces) {

  /** Lists and maps are never null: a missing one reads as empty. */
  public SystemInfo {
    networkInterfaces = networkInterfaces == null ? List.of() : List.copyOf(networkInterfaces);
  }
}
