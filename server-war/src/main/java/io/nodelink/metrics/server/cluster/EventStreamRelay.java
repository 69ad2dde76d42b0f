package io.nodelink.metrics.server.cluster;

import io.nodelink.metrics.server.sse.SseStream;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Receives another server's event stream and passes each chunk on to the client as it comes. No
 * thread waits on either side: chunks arrive on the HTTP client's executor and are queued to the
 * client's non-blocking output; the client going away cancels the other server's stream, and that
 * stream ending ends the client's.
 */
final class EventStreamRelay extends PeerStreamSubscriber {

  private volatile SseStream client;

  /** The client to write to, once its response is started. */
  void writeTo(SseStream client) {
    this.client = client;
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (!client.pass(bytes(buffers))) {
      cancel();
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
}
