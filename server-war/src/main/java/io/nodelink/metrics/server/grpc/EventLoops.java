package io.nodelink.metrics.server.grpc;

import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The Netty event loops of the gRPC server, owned by the application rather than shared by
 * grpc-java. grpc-java's default loops are released a second after the server terminates, by then
 * Liberty has closed the application's class loader and their last tasks fail to load classes;
 * owning them lets the application wait until they have stopped. Their threads come from a managed
 * thread factory, as any thread an application server runs should.
 */
final class EventLoops implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(EventLoops.class.getName());

  private final EventLoopGroup boss;
  private final EventLoopGroup workers;

  EventLoops() {
    this(new DefaultThreadFactory("nodelink-grpc", true));
  }

  EventLoops(ThreadFactory threadFactory) {
    boss = new NioEventLoopGroup(1, threadFactory);
    // One loop per core: each loop only moves bytes; calls run on the managed executor.
    workers = new NioEventLoopGroup(Runtime.getRuntime().availableProcessors(), threadFactory);
  }

  EventLoopGroup boss() {
    return boss;
  }

  EventLoopGroup workers() {
    return workers;
  }

  /** Stops both groups and waits (briefly) until their threads have ended. */
  @Override
  public void close() {
    boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    boolean stopped =
        boss.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS)
            && workers.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
    if (!stopped) {
      LOG.warning("gRPC event loops did not stop within 5 s");
    }
  }
}
