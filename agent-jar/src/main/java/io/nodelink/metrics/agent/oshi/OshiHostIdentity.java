package io.nodelink.metrics.agent.oshi;

import io.nodelink.metrics.agent.stream.HostIdentity;
import oshi.SystemInfo;

/**
 * The host's name and a stable machine id from OSHI, where {@code /proc} and {@code
 * /etc/machine-id} do not exist: the hardware UUID (Windows: the SMBIOS UUID, macOS: the
 * IOPlatformUUID) stands for the machine id.
 */
public final class OshiHostIdentity {

  private OshiHostIdentity() {}

  public static HostIdentity read() {
    try {
      SystemInfo system = new SystemInfo();
      return new HostIdentity(
          system.getOperatingSystem().getNetworkParams().getHostName(),
          system.getHardware().getComputerSystem().getHardwareUUID());
    } catch (RuntimeException | LinkageError e) {
      // Without a native layer for this platform the agent still connects, unidentified.
      return HostIdentity.NONE;
    }
  }
}
