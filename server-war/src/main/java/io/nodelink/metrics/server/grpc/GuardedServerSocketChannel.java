package io.nodelink.metrics.server.grpc;

import io.grpc.netty.shaded.io.netty.channel.Channel;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.SocketAddress;
import java.util.Iterator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The gRPC server's listening socket, with {@link UnauthenticatedConnections} at the door: each
 * accepted connection is admitted or closed before gRPC sees it (gRPC has no hook between accept
 * and the first call), and its close is reported back.
 */
final class GuardedServerSocketChannel extends NioServerSocketChannel {

  private static final Logger LOG = Logger.getLogger(GuardedServerSocketChannel.class.getName());

  private final UnauthenticatedConnections guard;

  GuardedServerSocketChannel(UnauthenticatedConnections guard) {
    this.guard = guard;
  }

  @Override
  protected int doReadMessages(List<Object> accepted) throws Exception {
    int before = accepted.size();
    int read = super.doReadMessages(accepted);
    int kept = read;
    Iterator<Object> it = accepted.listIterator(before);
    while (it.hasNext()) {
      Channel child = (Channel) it.next();
      SocketAddress remote = child.remoteAddress();
      if (guard.admit(remote)) {
        child.closeFuture().addListener(f -> guard.closed(remote));
      } else {
        it.remove();
        kept--;
        close(child);
      }
    }
    return kept;
  }

  private static void close(Channel child) {
    try {
      child.unsafe().closeForcibly();
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Closing a refused connection failed", e);
    }
  }
}
