package io.nodelink.metrics.agent.sysinfo;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.pb.InstalledPackage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import oshi.software.os.ApplicationInfo;

/** Installed packages on Windows (registry through OSHI) and macOS (pkgutil), on fakes. */
class PlatformPackagesTest {

  @Test
  void windowsProgramsComeFromTheRegistryThroughOshi() {
    List<ApplicationInfo> apps =
        List.of(
            new ApplicationInfo("7-Zip 23.01 (x64)", "23.01", "Igor Pavlov", 0, Map.of()),
            new ApplicationInfo("  ", "1.0", "nameless", 0, Map.of()),
            new ApplicationInfo("Microsoft Edge", null, "Microsoft", 0, Map.of()));

    List<InstalledPackage> packages = new WindowsPackages(() -> apps).list();

    assertThat(packages)
        .extracting(InstalledPackage::getName)
        .containsExactly("7-Zip 23.01 (x64)", "Microsoft Edge");
    assertThat(packages.get(0).getVersion()).isEqualTo("23.01");
    assertThat(packages.get(1).getVersion()).isEmpty();
    assertThat(packages).extracting(InstalledPackage::getPackageManager).containsOnly("registry");
  }

  @Test
  void aRegistryThatCannotBeReadGivesAnEmptyList() {
    WindowsPackages broken =
        new WindowsPackages(
            () -> {
              throw new UnsatisfiedLinkError("advapi32");
            });

    assertThat(broken.list()).isEmpty();
  }

  @Test
  void macReceiptsComeFromPkgutil() {
    MacPackages mac =
        new MacPackages(() -> List.of("com.apple.pkg.Core", "", "com.microsoft.Word", "  "));

    assertThat(mac.list())
        .extracting(InstalledPackage::getName)
        .containsExactly("com.apple.pkg.Core", "com.microsoft.Word");
    assertThat(mac.list()).extracting(InstalledPackage::getPackageManager).containsOnly("pkgutil");
  }

  @Test
  void osReleaseMissingGivesGoPlatformNames() {
    assertThat(SystemInfoCollector.distribution("Windows")).isEqualTo("windows");
    assertThat(SystemInfoCollector.distribution("macOS")).isEqualTo("darwin");
    assertThat(SystemInfoCollector.distribution("FreeBSD")).isEmpty();
  }
}
