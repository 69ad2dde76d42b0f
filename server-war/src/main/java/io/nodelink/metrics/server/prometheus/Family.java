package io.nodelink.metrics.server.prometheus;

/**
 * A metric family as both outputs name it.
 *
 * @param name the family name without the type's suffix ({@code node_cpu_seconds}, not {@code
 *     node_cpu_seconds_total}), as the Prometheus client model wants it
 * @param kind counter, gauge or info
 * @param help the HELP text
 */
public record Family(String name, Kind kind, String help) {

  /** The Prometheus metric types used here. */
  public enum Kind {
    COUNTER,
    GAUGE,
    INFO
  }

  /** The name of this family's samples: {@code _total} for counters, {@code _info} for info. */
  public String sampleName() {
    return switch (kind) {
      case COUNTER -> name + "_total";
      case INFO -> name + "_info";
      case GAUGE -> name;
    };
  }

  static Family counter(String name, String help) {
    return new Family(name, Kind.COUNTER, help);
  }

  static Family gauge(String name, String help) {
    return new Family(name, Kind.GAUGE, help);
  }

  static Family info(String name, String help) {
    return new Family(name, Kind.INFO, help);
  }
}
