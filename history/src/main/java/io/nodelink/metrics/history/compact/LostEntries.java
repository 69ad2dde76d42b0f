package io.nodelink.metrics.history.compact;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;

/**
 * Puts back, from an agent's series, the entries its unflushed log let go of over the {@link
 * UnflushedBudget}: every second of the lost span that the drained entries do not hold, as one
 * entry over all the agent's series (NaN where a series has no point then). Only a writer that fell
 * behind pays for this, once per drain, instead of every snapshot's copy waiting in the heap.
 */
final class LostEntries {

  private LostEntries() {}

  static UnflushedPoints restored(AgentHistory agent, UnflushedLog.Drained drained) {
    UnflushedPoints kept = drained.points();
    Set<Long> keptSeconds = new HashSet<>();
    for (long t : kept.timestamps()) {
      keptSeconds.add(t);
    }
    String[] names = agent.names().toArray(String[]::new);
    TreeMap<Long, double[]> lost = new TreeMap<>();
    for (int k = 0; k < names.length; k++) {
      SeriesHistory series = agent.get(names[k]);
      if (series == null) {
        continue;
      }
      PointBuffer points =
          series
              .view(drained.lostFrom(), drained.lostThrough())
              .raw()
              .points(drained.lostFrom(), drained.lostThrough());
      for (int i = 0; i < points.size; i++) {
        long t = points.timestamps[i];
        if (!keptSeconds.contains(t)) {
          lost.computeIfAbsent(t, s -> nanArray(names.length))[k] = points.values[i];
        }
      }
    }
    return joined(lost, names, kept);
  }

  private static double[] nanArray(int size) {
    double[] values = new double[size];
    Arrays.fill(values, Double.NaN);
    return values;
  }

  /** The restored entries first (they arrived first), then the kept ones. */
  private static UnflushedPoints joined(
      TreeMap<Long, double[]> lost, String[] names, UnflushedPoints kept) {
    int size = lost.size() + kept.size();
    long[] timestamps = new long[size];
    String[][] entryNames = new String[size][];
    double[][] values = new double[size][];
    int e = 0;
    for (var entry : lost.entrySet()) {
      timestamps[e] = entry.getKey();
      entryNames[e] = names;
      values[e] = entry.getValue();
      e++;
    }
    System.arraycopy(kept.timestamps(), 0, timestamps, e, kept.size());
    System.arraycopy(kept.names(), 0, entryNames, e, kept.size());
    System.arraycopy(kept.values(), 0, values, e, kept.size());
    return new UnflushedPoints(timestamps, entryNames, values);
  }
}
