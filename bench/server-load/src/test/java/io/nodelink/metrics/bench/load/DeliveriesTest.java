package io.nodelink.metrics.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveriesTest {

  private static final long MS = 1_000_000;

  @Test
  void matchesReceiptsToSendsOfTheWindowPerClient() {
    Deliveries d = new Deliveries(3);
    d.watch(1);
    d.clientJoined(1);
    d.clientJoined(1);
    d.sent(1, 100, 0); // before the window: its receipts do not count
    d.openWindow(10 * MS);
    d.sent(1, 101, 20 * MS);
    d.sent(0, 101, 20 * MS); // not watched: only counted as sent
    d.received(1, 100, 30 * MS);
    d.received(1, 101, 25 * MS); // client 1: 5 ms
    d.received(1, 101, 32 * MS); // client 2: 12 ms
    d.closeWindow(40 * MS);
    d.sent(1, 102, 50 * MS); // after the window

    assertThat(d.sentCount()).isEqualTo(4);
    assertThat(d.expectedCount()).isEqualTo(2);
    assertThat(d.deliveredCount()).isEqualTo(2);
    var latency = d.latency();
    assertThat(latency.getTotalCount()).isEqualTo(2);
    assertThat(latency.getMinValue()).isBetween(4990L, 5010L);
    assertThat(latency.getMaxValue()).isBetween(11990L, 12010L);
  }

  @Test
  void aClientThatLeftIsNoLongerExpectedAndAMissedEventShows() {
    Deliveries d = new Deliveries(1);
    d.watch(0);
    d.clientJoined(0);
    d.clientJoined(0);
    d.openWindow(0);
    d.sent(0, 7, MS);
    d.received(0, 7, 2 * MS); // the other client never gets it
    d.clientLeft(0);
    d.sent(0, 8, 1001 * MS);
    d.received(0, 8, 1002 * MS);

    assertThat(d.expectedCount()).isEqualTo(3);
    assertThat(d.deliveredCount()).isEqualTo(2);
  }

  @Test
  void twoSendsInOneSecondAreDeliveredButGiveNoLatency() {
    Deliveries d = new Deliveries(1);
    d.watch(0);
    d.clientJoined(0);
    d.openWindow(0);
    d.sent(0, 9, MS);
    d.sent(0, 9, 999 * MS);
    d.received(0, 9, 1000 * MS);
    d.received(0, 9, 1000 * MS);

    assertThat(d.expectedCount()).isEqualTo(2);
    assertThat(d.deliveredCount()).isEqualTo(2);
    assertThat(d.ambiguousCount()).isEqualTo(2);
    assertThat(d.latency().getTotalCount()).isZero();
  }
}
