package io.nodelink.metrics.bench.history;

import io.nodelink.metrics.history.HistoryStore;
import io.nodelink.metrics.history.SimpleHistoryStore;
import io.nodelink.metrics.history.compact.CompactHistoryStore;
import io.nodelink.metrics.history.compact.HistorySettings;

/** The engines under test, by the name used in JMH parameters. */
final class Stores {

  static final String COMPACT = "compact";
  static final String SIMPLE = "simple";

  /** A fixed start so runs are comparable: 2023-11-14T22:13:20Z. */
  static final long T0 = 1_700_000_000L;

  private Stores() {}

  static HistoryStore create(String name) {
    return switch (name) {
      case COMPACT -> new CompactHistoryStore(HistorySettings.defaults().withMemoryBudgetBytes(0));
      case SIMPLE -> new SimpleHistoryStore();
      default -> throw new IllegalArgumentException("unknown store " + name);
    };
  }
}
