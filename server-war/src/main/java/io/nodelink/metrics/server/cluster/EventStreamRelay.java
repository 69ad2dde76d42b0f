package io.nodelink.metrics.server.cluster;

import io.nodelink.metrics.server.sse.SseStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * Receives another server's event stream and passes each chunk on to the client as it comes. No
 * thread waits on either side: chunks arrive on the HTTP client's executor and are queued to the
 * client's non-blocking output; the client going away cancels the other server's stream, and that
 * stream ending ends the client's.
 */
final class EventStreamRelay implements Flow.Subscriber<List<ByteBuffer>> {

  private volatile SseStream client;
  private volatile Flow.Subscription subscription;
  private volatile boolean clientGone;

  /** The client to write to, once its response is started. */
  void writeTo(SseStream client) {
    this.client = client;
  }

  /** The client went away: the other server's stream is not wanted any more. */
  void clientClosed() {
    clientGone = true;
    Flow.Subscription current = subscription;
    if (current != null) {
      current.cancel();
    }
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    if (clientGone) {
      subscription.cancel();
      return;
    }
    // The client's bounded queue is the back-pressure: a client too slow for it is closed.
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (!client.pass(bytes(buffers))) {
      subscription.cancel();
    }
  }

  @Override
  public void onError(Throwable error) {
    client.close();
  }

  @Override
  public void onComplete() {
    client.close();
  }

  private static byte[] bytes(List<ByteBuffer> buffers) {
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
