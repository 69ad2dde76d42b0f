package io.nodelink.metrics.client.model;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** One network interface in {@link SystemInfo}. */
public record NetworkInterfaceInfo(
    String name,
    @JsonbProperty("mac_address") String macAddress,
    @JsonbProperty("ip_addresses") List<String> ipAddresses,
    @JsonbProperty("speed_mbps") long speedMbps,
    @JsonbProperty("is_up") boolean isUp) {

  /** Lists and maps are never null: a missing one reads as empty. */
  public NetworkInterfaceInfo {
    ipAddresses = ipAddresses == null ? List.of() : List.copyOf(ipAddresses);
  }
}
