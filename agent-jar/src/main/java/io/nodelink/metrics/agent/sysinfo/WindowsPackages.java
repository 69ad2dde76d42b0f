package io.nodelink.metrics.agent.sysinfo;

import io.nodelink.metrics.pb.InstalledPackage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import oshi.software.os.ApplicationInfo;

/**
 * Windows's installed programs, as "Apps and Features" lists them: OSHI reads the registry's
 * Uninstall keys (machine-wide and per user, 64- and 32-bit). Reported with package manager {@code
 * registry}; an entry without a name is left out.
 */
final class WindowsPackages implements PackageSource {
  private static final Logger LOG = Logger.getLogger(WindowsPackages.class.getName());

  private final Supplier<List<ApplicationInfo>> applications;

  WindowsPackages(Supplier<List<ApplicationInfo>> applications) {
    this.applications = applications;
  }

  @Override
  public List<InstalledPackage> list() {
    try {
      return toPackages(applications.get());
    } catch (RuntimeException | LinkageError e) {
      LOG.log(Level.WARNING, "cannot read the installed programs: {0}", e.toString());
      return List.of();
    }
  }

  static List<InstalledPackage> toPackages(List<ApplicationInfo> apps) {
    List<InstalledPackage> out = new ArrayList<>();
    for (ApplicationInfo app : apps) {
      String name = app.getName() == null ? "" : app.getName().trim();
      if (name.isEmpty()) {
        continue;
      }
      out.add(
          InstalledPackage.newBuilder()
              .setName(name)
              .setVersion(app.getVersion() == null ? "" : app.getVersion().trim())
              .setPackageManager("registry")
              .build());
    }
    return out;
  }
}
