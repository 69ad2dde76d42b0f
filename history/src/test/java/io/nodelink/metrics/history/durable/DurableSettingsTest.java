package io.nodelink.metrics.history.durable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The writer timeout among the durable store's settings. */
class DurableSettingsTest {

  @Test
  void theWriterTimeoutIsThirtySecondsUnlessSet() {
    DurableSettings defaults = DurableSettings.defaults();
    assertThat(defaults.writerTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(defaults.withWriterId("server-a").writerTimeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void withWriterTimeoutChangesOnlyTheTimeout() {
    DurableSettings before = DurableSettings.defaults().withWriterId("server-a");
    DurableSettings after = before.withWriterTimeout(Duration.ofMinutes(2));
    assertThat(after.writerTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(after.withWriterTimeout(before.writerTimeout())).isEqualTo(before);
    assertThat(after.withFlushInterval(Duration.ofSeconds(1)).writerTimeout())
        .isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void theWriterTimeoutMustBePositive() {
    DurableSettings settings = DurableSettings.defaults();
    assertThatThrownBy(() -> settings.withWriterTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> settings.withWriterTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> settings.withWriterTimeout(null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
