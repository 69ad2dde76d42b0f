package io.nodelink.metrics.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.nodelink.metrics.history.SeriesBatch;
import org.junit.jupiter.api.Test;

class SeriesAdmissionTest {

  private static final long RETENTION = 1800;

  private final SeriesAdmission admission = new SeriesAdmission(3, RETENTION);

  @Test
  void newSeriesStayOutWhileTheLimitIsFullOfRecentOnes() {
    admission.admit(batch("a", "b", "c"), 0);

    SeriesBatch admitted = admission.admit(batch("a", "b", "c", "d"), 10);

    assertThat(admitted.toMap()).containsOnlyKeys("a", "b", "c");
    assertThat(admission.count()).isEqualTo(3);
  }

  @Test
  void aSeriesNotSeenForLongerThanTheRetentionMakesRoom() {
    admission.admit(batch("a", "b", "veth1"), 0);
    admission.admit(batch("a", "b"), RETENTION);

    assertThat(admission.admit(batch("a", "b", "veth2"), RETENTION).toMap())
        .doesNotContainKey("veth2");
    SeriesBatch later = admission.admit(batch("a", "b", "veth2"), RETENTION + 1);

    assertThat(later.toMap()).containsOnlyKeys("a", "b", "veth2");
    assertThat(admission.count()).isEqualTo(3);
  }

  @Test
  void theSameNamesSnapshotAfterSnapshotStaySeen() {
    SeriesBatch names = batch("a", "b", "c");
    for (long t = 0; t <= 5 * RETENTION; t += 10) {
      assertThat(admission.admit(names, t)).isSameAs(names);
    }

    assertThat(admission.admit(batch("a", "b", "c", "d"), 5 * RETENTION + 10).toMap())
        .doesNotContainKey("d");
  }

  @Test
  void anAgentBackAfterTheRetentionIsAdmittedAgain() {
    SeriesBatch names = batch("a", "b", "c");
    admission.admit(names, 0);

    SeriesBatch back = admission.admit(names, 10 * RETENTION);

    assertThat(back.toMap()).containsOnlyKeys("a", "b", "c");
    assertThat(admission.count()).isEqualTo(3);
  }

  @Test
  void theCountLeavesOutWhatWasNotSeenForTheRetention() {
    admission.admit(batch("a", "b", "c"), 0);
    admission.admit(batch("a"), RETENTION);

    admission.admit(batch("a"), RETENTION + 60);

    assertThat(admission.count()).isEqualTo(1);
  }

  private static SeriesBatch batch(String... names) {
    SeriesBatch batch = new SeriesBatch(names.length);
    for (String name : names) {
      batch.add(name, 1.0);
    }
    return batch;
  }
}
