package io.nodelink.metrics.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/** Another server's event stream, cut into chunks anywhere, passed on event by event. */
class PeerEventsTest {

  private final List<String> passed = new ArrayList<>();
  private final Subscription subscription = new Subscription();

  @Test
  void eventsArePassedWholeWhereverTheChunksEnd() {
    PeerEvents events = subscribed(true);

    events.onNext(chunks("\n\nevent: alert\nda", "ta: {\"a\":1}\n\n: keepalive\n\nevent: al"));
    assertThat(passed).containsExactly("event: alert\ndata: {\"a\":1}\n\n");
    events.onNext(chunks("ert\ndata: {\"a\":2}\n", "\n"));

    assertThat(passed)
        .containsExactly("event: alert\ndata: {\"a\":1}\n\n", "event: alert\ndata: {\"a\":2}\n\n");
  }

  @Test
  void aClosedClientCancelsTheOtherServersStream() {
    PeerEvents events = subscribed(false);

    events.onNext(chunks("event: alert\ndata: {}\n\n"));

    assertThat(subscription.cancelled).isTrue();
  }

  @Test
  void aClientGoneBeforeTheStreamOpenedCancelsItAtOnce() {
    PeerEvents events = new PeerEvents(bytes -> true);
    events.cancel();

    events.onSubscribe(subscription);

    assertThat(subscription.cancelled).isTrue();
    assertThat(subscription.requested).isZero();
  }

  private PeerEvents subscribed(boolean clientOpen) {
    PeerEvents events =
        new PeerEvents(
            bytes -> {
              passed.add(new String(bytes, StandardCharsets.UTF_8));
              return clientOpen;
            });
    events.onSubscribe(subscription);
    return events;
  }

  private static List<ByteBuffer> chunks(String... texts) {
    List<ByteBuffer> buffers = new ArrayList<>();
    for (String text : texts) {
      buffers.add(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }
    return buffers;
  }

  private static final class Subscription implements Flow.Subscription {
    private long requested;
    private boolean cancelled;

    @Override
    public void request(long n) {
      requested += n;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }
  }
}
