package io.nodelink.metrics.agent.sysinfo;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.agent.Fixtures;
import io.nodelink.metrics.pb.InstalledPackage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SystemInfoParsersTest {

  @Test
  void dpkgStatusListsOnlyInstalledPackages() {
    List<InstalledPackage> p = Packages.parseDpkgStatus(Fixtures.lines("dpkg-status"));
    assertThat(p)
        .extracting(InstalledPackage::getName, InstalledPackage::getVersion)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("adduser", "3.134"),
            org.assertj.core.groups.Tuple.tuple("libc6", "2.36-9+deb12u10"));
    assertThat(p).allMatch(x -> x.getPackageManager().equals("dpkg"));
  }

  @Test
  void rpmQueryAndApkDatabaseParse() {
    assertThat(Packages.parseRpmQuery(Fixtures.lines("rpm-qa.txt")))
        .extracting(
            InstalledPackage::getName,
            InstalledPackage::getVersion,
            InstalledPackage::getPackageManager)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("bash", "5.2.15-3.el9", "rpm"),
            org.assertj.core.groups.Tuple.tuple("openssl-libs", "3.0.7-25.el9", "rpm"));
    assertThat(Packages.parseApk(Fixtures.lines("apk-installed")))
        .extracting(InstalledPackage::getName, InstalledPackage::getVersion)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("musl", "1.2.4-r2"),
            org.assertj.core.groups.Tuple.tuple("busybox", "1.36.1-r5"));
  }

  @Test
  void osReleaseUnquotesAndSkipsComments() {
    Map<String, String> r = OsRelease.parse(Fixtures.lines("os-release"));
    assertThat(r)
        .containsEntry("NAME", "Debian GNU/Linux")
        .containsEntry("VERSION", "12 (bookworm)")
        .containsEntry("ID", "debian")
        .doesNotContainKey("# a comment");
  }

  @Test
  void ipv6AddressesAreWrittenInTheirShortestForm() {
    assertThat(SystemInfoCollector.compressIpv6("fe80:0:0:0:fc:ff:fe00:1"))
        .isEqualTo("fe80::fc:ff:fe00:1");
    assertThat(SystemInfoCollector.compressIpv6("fd00:0:0:0:0:0:0:2")).isEqualTo("fd00::2");
    assertThat(SystemInfoCollector.compressIpv6("0:0:0:0:0:0:0:1")).isEqualTo("::1");
    assertThat(SystemInfoCollector.compressIpv6("2001:db8:0:1:0:0:1:1"))
        .isEqualTo("2001:db8:0:1::1:1");
    assertThat(SystemInfoCollector.compressIpv6("2001:db8:1:2:3:4:5:6"))
        .isEqualTo("2001:db8:1:2:3:4:5:6");
  }

  @Test
  void featureFlagsAndArchitecture() {
    assertThat(
            SystemInfoCollector.parseFeatureFlags(
                List.of("flags\t: fpu sse2", "flags\t: fpu sse2 avx")))
        .containsExactly("fpu", "sse2", "avx");
    assertThat(SystemInfoCollector.architecture("amd64")).isEqualTo("amd64");
    assertThat(SystemInfoCollector.architecture("aarch64")).isEqualTo("arm64");
    assertThat(SystemInfoCollector.architecture("ppc64le")).isEqualTo("ppc64le");
  }
}
