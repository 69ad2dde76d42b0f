package io.nodelink.metrics.history.compact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HistorySettingsTest {

  @Test
  void defaultsAreThoseOfTheIssue() {
    HistorySettings d = HistorySettings.defaults();

    assertThat(d.rawRetention()).isEqualTo(Duration.ofMinutes(30));
    assertThat(d.coarseInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(d.coarseRetention()).isEqualTo(Duration.ofHours(24));
    assertThat(d.chunkSize()).isEqualTo(600);
    assertThat(d.chunkWindow()).isEqualTo(java.time.Duration.ofMinutes(10));
    assertThat(d.memoryBudgetBytes()).isEqualTo(512L << 20);
    assertThat(new CompactHistoryStore().settings()).isEqualTo(d);
  }

  @Test
  void nonsenseIsRejectedWithTheFieldNamed() {
    HistorySettings d = HistorySettings.defaults();

    assertThatThrownBy(() -> d.withRawRetention(Duration.ZERO))
        .hasMessageContaining("raw retention");
    assertThatThrownBy(() -> d.withCoarse(Duration.ofMillis(1500), Duration.ofHours(1)))
        .hasMessageContaining("whole seconds");
    assertThatThrownBy(() -> d.withChunkSize(2)).hasMessageContaining("chunk size");
    assertThatThrownBy(() -> d.withMemoryBudgetBytes(-1)).hasMessageContaining("memory budget");
  }
}
