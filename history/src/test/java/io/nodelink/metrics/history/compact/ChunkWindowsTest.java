package io.nodelink.metrics.history.compact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChunkWindowsTest {

  @Test
  void agentsAreSpreadOverTheWindowInWholeMinutes() {
    Set<Long> phases = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      long phase = ChunkWindows.phase("host-" + i, 600);
      assertThat(phase).isBetween(0L, 540L);
      assertThat(phase % 60).isZero();
      phases.add(phase);
    }
    assertThat(phases).hasSize(10);
    assertThat(ChunkWindows.phase("host-7", 600)).isEqualTo(ChunkWindows.phase("host-7", 600));
  }

  @Test
  void aWindowOfAMinuteOrLessIsNotShifted() {
    assertThat(ChunkWindows.phase("host", 60)).isZero();
    assertThat(ChunkWindows.phase("host", 30)).isZero();
  }

  @Test
  void windowsStartAtThePhase() {
    assertThat(ChunkWindows.windowOf(1_200, 120, 600)).isEqualTo(1);
    assertThat(ChunkWindows.windowOf(1_319, 120, 600)).isEqualTo(1);
    assertThat(ChunkWindows.windowOf(1_320, 120, 600)).isEqualTo(2);
    assertThat(ChunkWindows.windowOf(-1, 0, 600)).isEqualTo(-1);
  }
}
