package io.nodelink.metrics.server.cluster;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Passes the events of another server's event stream to a client that also gets events from
 * elsewhere (this server's own, other servers'): each event is passed whole, so events of several
 * sources never interleave within one, and comments (that server's keep-alives) and blank lines are
 * left out, since this server keeps its client alive itself. The other server's stream ending ends
 * only its share; the client going away cancels it.
 */
final class PeerEvents extends PeerStreamSubscriber {

  /** Passes one whole event to the client; false once the client is closed. */
  private final Predicate<byte[]> client;

  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

  PeerEvents(Predicate<byte[]> client) {
    this.client = client;
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    pending.writeBytes(bytes(buffers));
    passWholeEvents();
  }

  private void passWholeEvents() {
    byte[] all = pending.toByteArray();
    int start = 0;
    for (int end = indexOfBlankLine(all, start); end >= 0; end = indexOfBlankLine(all, start)) {
      byte[] event = Arrays.copyOfRange(all, start, end + 2);
      start = end + 2;
      if (isEvent(event) && !client.test(event)) {
        cancel();
        return;
      }
    }
    pending.reset();
    pending.write(all, start, all.length - start);
  }

  /** Where the next {@code \n\n} (the end of an event) starts, or -1. */
  private static int indexOfBlankLine(byte[] bytes, int from) {
    for (int i = from; i + 1 < bytes.length; i++) {
      if (bytes[i] == '\n' && bytes[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Not a comment, not blank. */
  private static boolean isEvent(byte[] event) {
    for (byte b : event) {
      if (b != '\n' && b != '\r') {
        return b != ':';
      }
    }
    return false;
  }

  @Override
  public void onError(Throwable error) {
    // The client keeps the events of its other sources.
  }

  @Override
  public void onComplete() {
    // As for an error.
  }
}
