package io.nodelink.metrics.agent.sysinfo;

import io.nodelink.metrics.pb.InstalledPackage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * macOS's installed packages: the installer receipts {@code pkgutil --pkgs} lists ({@code
 * com.apple.pkg.Safari}, vendors' {@code .pkg} installs), with package manager {@code pkgutil}. The
 * version is left empty: {@code pkgutil} gives it only one package per call, which would cost
 * hundreds of processes. Applications copied into {@code /Applications} by drag and drop leave no
 * receipt and are not listed.
 */
final class MacPackages implements PackageSource {
  private static final Logger LOG = Logger.getLogger(MacPackages.class.getName());

  /** Runs {@code pkgutil --pkgs}. */
  interface Pkgutil {
    List<String> pkgs() throws IOException;
  }

  private final Pkgutil pkgutil;

  MacPackages(Pkgutil pkgutil) {
    this.pkgutil = pkgutil;
  }

  static List<String> pkgutil() throws IOException {
    return CommandOutput.lines("pkgutil", "--pkgs");
  }

  @Override
  public List<InstalledPackage> list() {
    try {
      return parsePkgutil(pkgutil.pkgs());
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "cannot run pkgutil --pkgs: {0}", e.toString());
      return List.of();
    }
  }

  /** One package id per line; blank lines skipped. */
  static List<InstalledPackage> parsePkgutil(List<String> lines) {
    List<InstalledPackage> out = new ArrayList<>();
    for (String line : lines) {
      String id = line.trim();
      if (!id.isEmpty()) {
        out.add(InstalledPackage.newBuilder().setName(id).setPackageManager("pkgutil").build());
      }
    }
    return out;
  }
}
