package io.nodelink.metrics.server.cluster;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * Reads another server's streamed answer for a client of this one: takes all it sends (the client's
 * bounded queue is the back-pressure, and a client too slow for it is closed) until the client goes
 * away, which cancels the other server's stream, also before it opened.
 */
abstract class PeerStreamSubscriber implements Flow.Subscriber<List<ByteBuffer>> {

  private volatile Flow.Subscription subscription;
  private volatile boolean cancelled;

  /** The client went away: the other server's stream is not wanted any more. */
  final void cancel() {
    cancelled = true;
    Flow.Subscription current = subscription;
    if (current != null) {
      current.cancel();
    }
  }

  @Override
  public final void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (cancelled) {
      subscription.cancel();
      return;
    }
    subscription.request(Long.MAX_VALUE);
  }

  /** The bytes of {@code buffers}, in order, in one array. */
  static byte[] bytes(List<ByteBuffer> buffers) {
    int size = 0;
    for (ByteBuffer buffer : buffers) {
      size += buffer.remaining();
    }
    byte[] bytes = new byte[size];
    int at = 0;
    for (ByteBuffer buffer : buffers) {
      int n = buffer.remaining();
      buffer.get(bytes, at, n);
      at += n;
    }
    return bytes;
  }
}
