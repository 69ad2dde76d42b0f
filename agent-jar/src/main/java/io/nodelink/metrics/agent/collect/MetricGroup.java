package io.nodelink.metrics.agent.collect;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The metric groups a stream request may select (docs/wire-protocol.md, MetricsStreamRequest). */
public enum MetricGroup {
  CPU,
  MEMORY,
  DISK,
  NETWORK,
  PROCESSES,
  LOAD;

  /** The wire name, e.g. {@code cpu}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Looks a wire name up (case-insensitive; {@code process} and {@code disks} accepted too). */
  public static Optional<MetricGroup> fromWire(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    return switch (n) {
      case "cpu" -> Optional.of(CPU);
      case "memory", "mem" -> Optional.of(MEMORY);
      case "disk", "disks" -> Optional.of(DISK);
      case "network", "net" -> Optional.of(NETWORK);
      case "processes", "process" -> Optional.of(PROCESSES);
      case "load" -> Optional.of(LOAD);
      default -> Optional.empty();
    };
  }

  /**
   * The groups a request names; an empty list means every group. Unknown names are ignored so a
   * newer server asking for a group this agent lacks still gets the rest.
   */
  public static Set<MetricGroup> select(Collection<String> names) {
    if (names.isEmpty()) {
      return EnumSet.allOf(MetricGroup.class);
    }
    EnumSet<MetricGroup> groups = EnumSet.noneOf(MetricGroup.class);
    for (String name : names) {
      fromWire(name).ifPresent(groups::add);
    }
    return groups;
  }
}
