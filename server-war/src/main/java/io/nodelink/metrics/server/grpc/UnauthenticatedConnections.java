package io.nodelink.metrics.server.grpc;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The cap on gRPC connections from one remote address that have not authenticated yet ({@code
 * nodelink.grpc.max-unauthenticated-per-source}). A connection counts from its accept until its
 * first call passes the {@code AgentAuthInterceptor}, or until it closes; a new connection beyond
 * the cap is closed at once, counted ({@code nodelink.grpc.unauthenticated.refused}) and logged at
 * most once per period. An agent's own connection authenticates within moments, so only sockets
 * that connect and then say nothing (or fail authentication) pile up against it; the idle limit
 * ({@code nodelink.grpc.max-connection-idle}) closes those eventually.
 */
public final class UnauthenticatedConnections {

  private static final Logger LOG = Logger.getLogger(UnauthenticatedConnections.class.getName());

  private final int maxPerSource;
  private final Runnable refusedCounter;
  private final LongSupplier nanoTime;
  private final long logPeriodNanos;
  private final Map<InetAddress, Integer> perSource = new HashMap<>();
  private final Set<SocketAddress> pending = new HashSet<>();
  private final AtomicLong unlogged = new AtomicLong();
  private long nextLogNanos;

  /**
   * @param maxPerSource the cap; 0 = no cap
   * @param refusedCounter counts one refused connection (the metric)
   * @param nanoTime a monotonic clock, {@link System#nanoTime} outside tests
   * @param logPeriod the shortest time between two log records
   */
  public UnauthenticatedConnections(
      int maxPerSource, Runnable refusedCounter, LongSupplier nanoTime, Duration logPeriod) {
    this.maxPerSource = maxPerSource;
    this.refusedCounter = refusedCounter;
    this.nanoTime = nanoTime;
    this.logPeriodNanos = logPeriod.toNanos();
    this.nextLogNanos = nanoTime.getAsLong();
  }

  /** No cap: every connection is admitted. */
  public static UnauthenticatedConnections unlimited() {
    return new UnauthenticatedConnections(0, () -> {}, System::nanoTime, Duration.ofMinutes(1));
  }

  public boolean isLimited() {
    return maxPerSource > 0;
  }

  /**
   * A connection from {@code remote} was accepted.
   *
   * @return false if it must be closed: its source has reached the cap
   */
  public boolean admit(SocketAddress remote) {
    InetAddress source = source(remote);
    if (!isLimited() || source == null) {
      return true;
    }
    synchronized (this) {
      int open = perSource.getOrDefault(source, 0);
      if (open < maxPerSource) {
        perSource.put(source, open + 1);
        pending.add(remote);
        return true;
      }
    }
    refused(source);
    return false;
  }

  /** A call on the connection from {@code remote} authenticated: it no longer counts. */
  public void authenticated(SocketAddress remote) {
    release(remote);
  }

  /** The connection from {@code remote} closed. */
  public void closed(SocketAddress remote) {
    release(remote);
  }

  /** Connections from {@code source} not authenticated yet (tests). */
  synchronized int pending(InetAddress source) {
    return perSource.getOrDefault(source, 0);
  }

  private void release(SocketAddress remote) {
    InetAddress source = source(remote);
    if (source == null) {
      return;
    }
    synchronized (this) {
      if (pending.remove(remote)) {
        perSource.computeIfPresent(source, (s, n) -> n <= 1 ? null : n - 1);
      }
    }
  }

  private void refused(InetAddress source) {
    refusedCounter.run();
    unlogged.incrementAndGet();
    long now = nanoTime.getAsLong();
    boolean due;
    synchronized (this) {
      due = now - nextLogNanos >= 0;
      if (due) {
        nextLogNanos = now + logPeriodNanos;
      }
    }
    if (due) {
      LOG.log(
          Level.WARNING,
          "Closed {0} gRPC connection(s) since the last report: their source ({1} the latest) had"
              + " {2} connections open that never authenticated"
              + " (nodelink.grpc.max-unauthenticated-per-source)",
          new Object[] {unlogged.getAndSet(0), source.getHostAddress(), maxPerSource});
    }
  }

  private static InetAddress source(SocketAddress remote) {
    return remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
  }
}
