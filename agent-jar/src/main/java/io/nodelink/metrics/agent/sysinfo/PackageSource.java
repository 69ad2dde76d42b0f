package io.nodelink.metrics.agent.sysinfo;

import io.nodelink.metrics.agent.collect.HostPlatform;
import io.nodelink.metrics.agent.procfs.ProcFs;
import io.nodelink.metrics.pb.InstalledPackage;
import java.util.List;
import java.util.logging.Logger;
import oshi.software.os.OperatingSystem;

/** The installed packages of system info, from the platform's own package records. */
@FunctionalInterface
public interface PackageSource {

  /** The installed packages; empty when the platform has no records the agent can read. */
  List<InstalledPackage> list();

  /**
   * Linux's package databases (dpkg, rpm, apk), Windows's installed programs (registry, through
   * OSHI), macOS's installer receipts ({@code pkgutil}); other systems report none.
   */
  static PackageSource forPlatform(HostPlatform platform, ProcFs fs, OperatingSystem os) {
    return switch (platform) {
      case LINUX -> new Packages(fs);
      case WINDOWS -> new WindowsPackages(os::getInstalledApplications);
      case MACOS -> new MacPackages(MacPackages::pkgutil);
      case OTHER -> none("no package database known on " + System.getProperty("os.name"));
    };
  }

  /** An empty list, with the reason logged once. */
  static PackageSource none(String reason) {
    Logger.getLogger(PackageSource.class.getName())
        .info(() -> "installed packages not reported: " + reason);
    return List::of;
  }
}
