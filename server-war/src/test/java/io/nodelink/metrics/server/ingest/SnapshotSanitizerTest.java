package io.nodelink.metrics.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.pb.CpuMetrics;
import io.nodelink.metrics.pb.DiskMetrics;
import io.nodelink.metrics.pb.InstalledPackage;
import io.nodelink.metrics.pb.LoadMetrics;
import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.NetworkMetrics;
import io.nodelink.metrics.pb.SystemInfoResponse;
import io.nodelink.metrics.pb.SystemSoftware;
import io.nodelink.metrics.testkit.protocol.Snapshots;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SnapshotSanitizerTest {

  private static final long NOW = 1_800_000_000L;
  private static final long MAX_FUTURE = 600;
  private static final long RETENTION = 1800;

  private final SnapshotSanitizer sanitizer = new SnapshotSanitizer(MAX_FUTURE, RETENTION, 3);

  @Test
  void aCleanSnapshotIsReturnedAsTheSameInstance() {
    MetricsDataResponse data = Snapshots.sample(NOW);

    SanitizedSnapshot clean = sanitizer.sanitize(data, NOW);

    assertThat(clean.stored()).isSameAs(data);
    assertThat(clean.history()).isSameAs(data);
    assertThat(clean.causes()).isEmpty();
  }

  @Test
  void nonFiniteValuesAreZeroWhenStoredAndNanForTheHistory() {
    MetricsDataResponse data =
        Snapshots.sample(NOW).toBuilder()
            .setCpu(
                CpuMetrics.newBuilder()
                    .setUsagePercent(Double.NaN)
                    .setUserPercent(Double.POSITIVE_INFINITY)
                    .setSystemPercent(3)
                    .addCoreUsage(Double.NEGATIVE_INFINITY)
                    .addCoreUsage(4))
            .setLoad(LoadMetrics.newBuilder().setLoad1(Double.POSITIVE_INFINITY).setLoad5(1.5))
            .build();

    SanitizedSnapshot clean = sanitizer.sanitize(data, NOW);

    assertThat(clean.causes()).containsExactly(SanitizeCause.NON_FINITE);
    CpuMetrics stored = clean.stored().getCpu();
    assertThat(stored.getUsagePercent()).isZero();
    assertThat(stored.getUserPercent()).isZero();
    assertThat(stored.getSystemPercent()).isEqualTo(3);
    assertThat(stored.getCoreUsageList()).containsExactly(0.0, 4.0);
    assertThat(clean.stored().getLoad().getLoad1()).isZero();
    assertThat(clean.stored().getLoad().getLoad5()).isEqualTo(1.5);
    CpuMetrics history = clean.history().getCpu();
    assertThat(history.getUsagePercent()).isNaN();
    assertThat(history.getUserPercent()).isNaN();
    assertThat(history.getCoreUsageList()).containsExactly(Double.NaN, 4.0);
    assertThat(clean.history().getLoad().getLoad1()).isNaN();
  }

  @Test
  void longNamesAreCutAt256BytesOnACharacterBoundary() {
    String huge = "é".repeat(1 << 20);
    MetricsDataResponse data =
        Snapshots.sample(NOW).toBuilder()
            .clearNetworkInterfaces()
            .addNetworkInterfaces(NetworkMetrics.newBuilder().setInterface(huge))
            .build();

    SanitizedSnapshot clean = sanitizer.sanitize(data, NOW);

    String name = clean.stored().getNetworkInterfaces(0).getInterface();
    assertThat(name.getBytes(StandardCharsets.UTF_8)).hasSize(256);
    assertThat(name).isEqualTo("é".repeat(128));
    assertThat(clean.causes()).containsExactly(SanitizeCause.STRING);
  }

  @Test
  void controlCharactersAreStripped() {
    MetricsDataResponse data =
        Snapshots.sample(NOW).toBuilder()
            .clearDisks()
            .addDisks(DiskMetrics.newBuilder().setDevice("/dev/sda\n1\u0000").setMountPoint("/"))
            .build();

    SanitizedSnapshot clean = sanitizer.sanitize(data, NOW);

    assertThat(clean.stored().getDisks(0).getDevice()).isEqualTo("/dev/sda1");
    assertThat(clean.stored().getDisks(0).getMountPoint()).isEqualTo("/");
    assertThat(clean.causes()).containsExactly(SanitizeCause.STRING);
  }

  @Test
  void aLiveSnapshotFromTheFarFutureOrPastIsClampedToNow() {
    long year2036 = 2_100_000_000L;
    for (long timestamp : new long[] {year2036, 1, NOW - RETENTION - 1, -1L}) {
      SanitizedSnapshot clean = sanitizer.sanitize(Snapshots.sample(timestamp), NOW);

      assertThat(clean.stored().getTimestamp()).as("from %d", timestamp).isEqualTo(NOW);
      assertThat(clean.causes()).containsExactly(SanitizeCause.TIMESTAMP);
    }
  }

  @Test
  void timestampsInsideTheWindowAreKept() {
    for (long timestamp : new long[] {NOW + MAX_FUTURE, NOW - RETENTION, NOW - 300, 0}) {
      SanitizedSnapshot clean = sanitizer.sanitize(Snapshots.sample(timestamp), NOW);

      assertThat(clean.stored().getTimestamp()).isEqualTo(timestamp);
      assertThat(clean.causes()).isEmpty();
    }
  }

  @Test
  void aBufferedSnapshotIsKeptAtItsOwnPastTimeButDroppedOutsideTheWindow() {
    MetricsDataResponse late = Snapshots.sample(NOW - 590).toBuilder().setBuffered(true).build();
    assertThat(sanitizer.sanitize(late, NOW).stored()).isSameAs(late);

    for (long timestamp : new long[] {NOW - RETENTION - 1, NOW + MAX_FUTURE + 1}) {
      MetricsDataResponse data = Snapshots.sample(timestamp).toBuilder().setBuffered(true).build();
      SanitizedSnapshot clean = sanitizer.sanitize(data, NOW);

      assertThat(clean.dropped()).as("buffered at %d", timestamp).isTrue();
      assertThat(clean.causes()).containsExactly(SanitizeCause.TIMESTAMP);
    }
  }

  @Test
  void systemInfoStringsAndPackagesAreBounded() {
    SystemInfoResponse info = Snapshots.systemInfo("host\u001b[31m" + "x".repeat(300));
    SystemSoftware.Builder software = info.getSoftware().toBuilder().clearPackages();
    for (int i = 0; i < 5; i++) {
      software.addPackages(InstalledPackage.newBuilder().setName("p" + i));
    }
    info = info.toBuilder().setSoftware(software).build();
    Set<SanitizeCause> causes = EnumSet.noneOf(SanitizeCause.class);

    SystemInfoResponse clean = sanitizer.sanitize(info, causes);

    assertThat(clean.getSoftware().getHostname()).startsWith("host[31mxxx").hasSize(256);
    assertThat(clean.getSoftware().getPackagesList())
        .extracting(InstalledPackage::getName)
        .containsExactly("p0", "p1", "p2");
    assertThat(causes).containsExactlyInAnyOrder(SanitizeCause.STRING, SanitizeCause.PACKAGES);
  }

  @Test
  void aCleanSystemInfoIsReturnedAsTheSameInstance() {
    SystemInfoResponse info = Snapshots.systemInfo("host");
    Set<SanitizeCause> causes = EnumSet.noneOf(SanitizeCause.class);

    assertThat(sanitizer.sanitize(info, causes)).isSameAs(info);
    assertThat(causes).isEmpty();
  }

  @Test
  void everyOtherListIsCutToTheListCap() {
    SnapshotSanitizer capped = new SnapshotSanitizer(MAX_FUTURE, RETENTION, 100, 2);
    MetricsDataResponse.Builder data = Snapshots.sample(NOW).toBuilder().clearNetworkInterfaces();
    for (int i = 0; i < 5; i++) {
      data.addNetworkInterfaces(NetworkMetrics.newBuilder().setInterface("veth" + i));
    }
    SystemInfoResponse info = Snapshots.systemInfo("host");
    SystemSoftware.Builder software = info.getSoftware().toBuilder().clearPackages();
    for (int i = 0; i < 5; i++) {
      software.addPackages(InstalledPackage.newBuilder().setName("p" + i));
    }
    Set<SanitizeCause> infoCauses = EnumSet.noneOf(SanitizeCause.class);

    SanitizedSnapshot clean = capped.sanitize(data.build(), NOW);
    SystemInfoResponse cleanInfo =
        capped.sanitize(info.toBuilder().setSoftware(software).build(), infoCauses);

    assertThat(clean.stored().getNetworkInterfacesList())
        .extracting(NetworkMetrics::getInterface)
        .containsExactly("veth0", "veth1");
    assertThat(clean.causes()).containsExactly(SanitizeCause.LIST);
    assertThat(cleanInfo.getSoftware().getPackagesCount())
        .as("packages have their own cap")
        .isEqualTo(5);
  }
}
