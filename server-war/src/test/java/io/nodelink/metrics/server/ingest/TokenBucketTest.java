package io.nodelink.metrics.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void startsFullAndRefusesBeyondTheBurst() {
    TokenBucket bucket = new TokenBucket(10, 100, 0);

    assertThat(bucket.has(100, 0)).isTrue();
    bucket.take(100);

    assertThat(bucket.has(1, 0)).isFalse();
  }

  @Test
  void refillsAtItsRateUpToTheBurst() {
    TokenBucket bucket = new TokenBucket(10, 100, 0);
    bucket.take(100);

    assertThat(bucket.has(5, SECOND / 2)).isTrue();
    assertThat(bucket.has(6, SECOND / 2)).isFalse();
    assertThat(bucket.has(100, 60 * SECOND)).isTrue();
    assertThat(bucket.has(101, 3600 * SECOND)).isFalse();
  }

  @Test
  void aClockThatGoesBackAddsNothing() {
    TokenBucket bucket = new TokenBucket(10, 100, 10 * SECOND);
    bucket.take(100);

    assertThat(bucket.has(1, 0)).isFalse();
    assertThat(bucket.has(10, 11 * SECOND)).isTrue();
  }
}
