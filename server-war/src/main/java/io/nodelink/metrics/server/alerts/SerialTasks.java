package io.nodelink.metrics.server.alerts;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One agent's evaluation tasks, run one at a time, in order, on a shared executor: at most one
 * thread per agent, and ingestion never waits for evaluation. Bounded: past {@value #MAX_QUEUED}
 * waiting tasks a new one is refused (the next snapshot evaluates again).
 */
final class SerialTasks {

  private static final Logger LOG = Logger.getLogger(SerialTasks.class.getName());

  static final int MAX_QUEUED = 64;

  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicBoolean draining = new AtomicBoolean();
  private final Executor executor;

  SerialTasks(Executor executor) {
    this.executor = executor;
  }

  /** Queues a task; false if too many wait. */
  boolean submit(Runnable task) {
    if (queued.incrementAndGet() > MAX_QUEUED) {
      queued.decrementAndGet();
      return false;
    }
    tasks.add(task);
    schedule();
    return true;
  }

  private void schedule() {
    if (tasks.isEmpty() || !draining.compareAndSet(false, true)) {
      return;
    }
    try {
      executor.execute(this::drain);
    } catch (RejectedExecutionException e) {
      draining.set(false); // the executor is full or stopping; the next submit tries again
    }
  }

  private void drain() {
    try {
      Runnable task;
      while ((task = tasks.poll()) != null) {
        queued.decrementAndGet();
        try {
          task.run();
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "Alert evaluation failed", e);
        }
      }
    } finally {
      draining.set(false);
    }
    schedule(); // a task added between the last poll and the flag's reset
  }
}
