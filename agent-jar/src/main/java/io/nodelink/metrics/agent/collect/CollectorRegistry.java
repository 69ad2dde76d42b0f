package io.nodelink.metrics.agent.collect;

import io.nodelink.metrics.pb.CollectionStats;
import io.nodelink.metrics.pb.MetricsDataResponse;
import java.time.Clock;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the collectors of the selected groups into one snapshot, timing each and surviving any that
 * fail: a failure is logged (once per distinct cause, so a broken sensor does not flood the log at
 * one sample per second) and named in the snapshot's {@code collection.failed_collectors}. Fields a
 * collector could not measure on this host go to {@code collection.unavailable_fields}.
 */
public final class CollectorRegistry {
  private static final Logger LOG = Logger.getLogger(CollectorRegistry.class.getName());

  private final Map<MetricGroup, Collector> collectors = new EnumMap<>(MetricGroup.class);
  private final Map<MetricGroup, String> lastFailure = new EnumMap<>(MetricGroup.class);
  private final Clock wallClock;
  private final LongSupplier nanoClock;

  /** A registry over the given collectors (one per group), with the system clocks. */
  public CollectorRegistry(List<? extends Collector> collectors) {
    this(collectors, Clock.systemUTC(), System::nanoTime);
  }

  /** A registry with explicit clocks (tests). */
  public CollectorRegistry(
      List<? extends Collector> collectors, Clock wallClock, LongSupplier nanoClock) {
    for (Collector c : collectors) {
      this.collectors.put(c.group(), c);
    }
    this.wallClock = wallClock;
    this.nanoClock = nanoClock;
  }

  /** Takes a rate baseline for the given groups; failures are logged, never thrown. */
  public synchronized void prime(Set<MetricGroup> groups) {
    for (MetricGroup group : groups) {
      Collector c = collectors.get(group);
      if (c == null) {
        continue;
      }
      try {
        c.prime();
      } catch (Exception | LinkageError e) {
        noteFailure(group, e);
      }
    }
  }

  /** Collects one snapshot of the given groups (only those are filled), stamped now. */
  public MetricsDataResponse collect(Set<MetricGroup> groups) {
    return collect(groups, wallClock.instant().getEpochSecond());
  }

  /** Collects one snapshot of the given groups, stamped with the second it stands for. */
  public synchronized MetricsDataResponse collect(Set<MetricGroup> groups, long timestamp) {
    long start = nanoClock.getAsLong();
    MetricsDataResponse.Builder out = MetricsDataResponse.newBuilder().setTimestamp(timestamp);
    CollectionStats.Builder stats = CollectionStats.newBuilder();
    EnumSet<MetricGroup> filled = EnumSet.noneOf(MetricGroup.class);
    for (MetricGroup group : groups) {
      Collector c = collectors.get(group);
      if (c == null) {
        continue;
      }
      try {
        // Straight into the snapshot: building each group apart and merging it in copies it again.
        c.collect(out);
        filled.add(group);
        List<String> unavailable = c.unavailableFields();
        // One add per name: addAll's generic checks cost more than these few strings, each
        // sample, on a host that always lacks one (a VM without a temperature sensor).
        for (int i = 0; i < unavailable.size(); i++) {
          stats.addUnavailableFields(unavailable.get(i));
        }
        if (lastFailure.remove(group) != null) {
          LOG.log(Level.INFO, "collector {0} recovered", group.wireName());
        }
      } catch (Exception | LinkageError e) {
        dropUnfilled(filled, out); // nothing half-written by a collector that failed part-way
        noteFailure(group, e);
        stats.addFailedCollectors(group.wireName());
      }
    }
    stats.setDurationMs((nanoClock.getAsLong() - start) / 1e6);
    return out.setCollection(stats).build();
  }

  /** Clears the fields of every group whose collector has not completed in this snapshot. */
  private static void dropUnfilled(Set<MetricGroup> filled, MetricsDataResponse.Builder out) {
    for (MetricGroup group : MetricGroup.values()) {
      if (filled.contains(group)) {
        continue;
      }
      switch (group) {
        case CPU -> out.clearCpu();
        case MEMORY -> out.clearMemory();
        case DISK -> out.clearDisks();
        case NETWORK -> out.clearNetworkInterfaces();
        case PROCESSES -> out.clearProcesses();
        case LOAD -> out.clearLoad();
      }
    }
  }

  private void noteFailure(MetricGroup group, Throwable e) {
    String why = e.getClass().getSimpleName() + ": " + e.getMessage();
    if (!Objects.equals(lastFailure.put(group, why), why)) {
      LOG.log(Level.WARNING, "collector {0} failed: {1}", new Object[] {group.wireName(), why});
    } else {
      LOG.log(Level.FINE, "collector {0} failed again: {1}", new Object[] {group.wireName(), why});
    }
  }
}
