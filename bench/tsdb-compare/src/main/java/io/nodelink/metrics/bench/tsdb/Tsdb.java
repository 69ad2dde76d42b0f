package io.nodelink.metrics.bench.tsdb;

import java.net.URI;
import java.util.List;

/** A TSDB receiving remote-write on a loopback port, started by the benchmark. */
interface Tsdb extends AutoCloseable {

  /** Bytes on disk at one stage. */
  record Footprint(String stage, long bytes) {}

  String name();

  /** Where remote-write goes. */
  URI writeUrl();

  /** CPU time of the TSDB's process so far. */
  long cpuNanos();

  /** Samples the TSDB says it ingested (from its own metrics). */
  long samplesIngested();

  /**
   * Bytes on disk after the push, as written and after whatever flush or compaction the TSDB offers
   * through its API.
   */
  List<Footprint> footprints();

  @Override
  void close();
}
