package io.nodelink.metrics.agent.oshi;

import io.nodelink.metrics.agent.collect.HostPlatform;
import oshi.spi.SystemInfoProvider;

/**
 * The OSHI a platform gets. On Linux it is OSHI's native-free flavour, which reads {@code /proc}
 * and {@code /sys} as the agent's own collectors do and never loads JNA: no native library unpacked
 * into the user's cache directory (which fails where it is mounted {@code noexec}), no {@code
 * libudev}, and about 3 MiB less resident memory. Windows and macOS have only the JNA flavour.
 */
public final class OshiSystem {

  private OshiSystem() {}

  /** A new OSHI entry point for the platform. */
  public static SystemInfoProvider forPlatform(HostPlatform platform) {
    return platform == HostPlatform.LINUX
        ? new oshi.nativefree.SystemInfo()
        : new oshi.SystemInfo();
  }
}
