package io.nodelink.metrics.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.pb.InstalledPackage;
import io.nodelink.metrics.pb.SystemInfoResponse;
import io.nodelink.metrics.pb.SystemSoftware;
import io.nodelink.metrics.server.database.StateDatabase;
import io.nodelink.metrics.server.testing.DatabaseKind;
import io.nodelink.metrics.server.testing.TestDatabases;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@ExtendWith(TestDatabases.class)
class JdbcSystemInfoRepositoryTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-30T08:00:00Z"), ZoneOffset.UTC);

  private final TestDatabases databases;

  JdbcSystemInfoRepositoryTest(TestDatabases databases) {
    this.databases = databases;
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void keepsTheLatestSystemInfoOfEachAgent(DatabaseKind kind) {
    StateDatabase state = databases.state(databases.fresh(kind));
    JdbcSystemInfoRepository repository = new JdbcSystemInfoRepository(state, CLOCK);

    repository.save("a1", info("old-host", 0));
    state.flush();
    repository.save("a1", info("host-1", 3));
    repository.save("a2", info("host-2", 0));
    state.flush();

    assertThat(repository.loadAll())
        .containsOnlyKeys("a1", "a2")
        .containsEntry("a1", info("host-1", 3))
        .containsEntry("a2", info("host-2", 0));
  }

  /** 20,000 packages (the ingest limit) are well over H2's 1 MiB VARBINARY limit. */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aSystemInfoWithTheMostPackagesFits(DatabaseKind kind) {
    StateDatabase state = databases.state(databases.fresh(kind));
    JdbcSystemInfoRepository repository = new JdbcSystemInfoRepository(state, CLOCK);
    SystemInfoResponse big = info("host-1", 20_000);
    assertThat(big.getSerializedSize()).isGreaterThan(1 << 20);

    repository.save("a1", big);
    state.flush();

    assertThat(state.droppedWrites()).isZero();
    assertThat(repository.loadAll().get("a1")).isEqualTo(big);
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void aForgottenAgentsSystemInfoIsDeleted(DatabaseKind kind) {
    StateDatabase state = databases.state(databases.fresh(kind));
    JdbcSystemInfoRepository repository = new JdbcSystemInfoRepository(state, CLOCK);
    repository.save("a1", info("host-1", 0));
    state.flush();

    repository.delete("a1");
    state.flush();

    assertThat(repository.loadAll()).isEmpty();
  }

  private static SystemInfoResponse info(String hostname, int packages) {
    SystemSoftware.Builder software = SystemSoftware.newBuilder().setHostname(hostname);
    for (int i = 0; i < packages; i++) {
      software.addPackages(
          InstalledPackage.newBuilder()
              .setName("package-with-a-long-name-" + i)
              .setVersion("1.2.3-" + i + "+deb12u1"));
    }
    return SystemInfoResponse.newBuilder().setSoftware(software).build();
  }
}
