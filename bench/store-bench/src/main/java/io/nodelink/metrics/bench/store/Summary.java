package io.nodelink.metrics.bench.store;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of every measurement, one row per metric and a column per database. */
final class Summary {

  /** A goal a figure is held to; null means none. */
  record Goal(String text, boolean lowerIsBetter, double limit) {
    boolean met(double value) {
      return lowerIsBetter ? value <= limit : value >= limit;
    }
  }

  private final Map<String, Map<String, Double>> rows = new LinkedHashMap<>();
  private final Map<String, Goal> goals = new LinkedHashMap<>();
  private final List<String> databases = new ArrayList<>();

  void add(String database, String metric, double value, Goal goal) {
    if (!databases.contains(database)) {
      databases.add(database);
    }
    rows.computeIfAbsent(metric, m -> new LinkedHashMap<>()).put(database, value);
    if (goal != null) {
      goals.put(metric, goal);
    }
  }

  void add(String database, String metric, double value) {
    add(database, metric, value, null);
  }

  void print(PrintStream out) {
    out.println();
    out.println("== Summary (" + Machine.cpuModel() + ", " + Machine.loadLine() + ") ==");
    StringBuilder header = new StringBuilder(String.format("%-58s", "metric"));
    databases.forEach(d -> header.append(String.format(" %12s", d)));
    header.append(String.format(" %10s %5s", "goal", "met"));
    out.println(header);
    rows.forEach(
        (metric, values) -> {
          StringBuilder line = new StringBuilder(String.format("%-58s", metric));
          Goal goal = goals.get(metric);
          boolean met = true;
          for (String d : databases) {
            Double v = values.get(d);
            line.append(String.format(" %12s", v == null ? "-" : fmt(v)));
            if (v != null && goal != null) {
              met &= goal.met(v);
            }
          }
          line.append(
              String.format(
                  " %10s %5s",
                  goal == null ? "" : goal.text(), goal == null ? "" : met ? "yes" : "NO"));
          out.println(line);
        });
  }

  static String fmt(double v) {
    if (Math.abs(v) >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.3f", v);
  }
}
