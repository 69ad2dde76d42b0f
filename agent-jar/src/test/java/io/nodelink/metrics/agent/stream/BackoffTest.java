package io.nodelink.metrics.agent.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void doublesFromOneSecondUpToTheThirtySecondCap() {
    Backoff b = new Backoff(1000, 30_000, () -> 0.0);
    long[] delays = new long[8];
    for (int i = 0; i < delays.length; i++) {
      delays[i] = b.nextDelayMillis();
    }
    assertThat(delays).containsExactly(1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000);
  }

  @Test
  void jitterShortensByAtMostAFifthAndNeverExceedsTheCap() {
    Backoff low = new Backoff(1000, 30_000, () -> 0.999_999);
    assertThat(low.nextDelayMillis()).isEqualTo(800);
    for (int i = 0; i < 40; i++) {
      assertThat(new Backoff(1000, 30_000, Math::random).nextDelayMillis()).isBetween(800L, 1000L);
    }
    Backoff capped = new Backoff(1000, 30_000, Math::random);
    for (int i = 0; i < 100; i++) {
      assertThat(capped.nextDelayMillis()).isLessThanOrEqualTo(30_000);
    }
  }

  @Test
  void resetStartsAgainFromTheInitialDelay() {
    Backoff b = new Backoff(1000, 30_000, () -> 0.0);
    b.nextDelayMillis();
    b.nextDelayMillis();
    b.reset();
    assertThat(b.nextDelayMillis()).isEqualTo(1000);
  }
}
