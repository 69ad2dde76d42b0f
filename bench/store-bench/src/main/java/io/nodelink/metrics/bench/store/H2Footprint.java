package io.nodelink.metrics.bench.store;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The footprint measurement on an H2 file database (the shipped default), for another benchmark:
 * the TSDB comparison stores the same fleet in Prometheus and VictoriaMetrics at the same seconds.
 */
public final class H2Footprint {

  /**
   * Bytes on disk at each stage of {@link DiskFootprint}.
   *
   * @param values raw values stored
   * @param stoppedBytes the file as a stopped server leaves it (before maintenance merged chunks)
   * @param allTiersBytes every tier after maintenance, compacted
   * @param rawTierBytes the raw tier alone after maintenance, compacted
   */
  public record Figures(long values, long stoppedBytes, long allTiersBytes, long rawTierBytes) {}

  private H2Footprint() {}

  /**
   * Feeds {@code agents} hosts of {@link Fleet} (prefix {@code host}) for {@code hours} at 1 s,
   * seconds {@code (start, start + hours * 3600]}, through the durable store into a fresh H2 file
   * database in {@code dir}, and measures it.
   */
  public static Figures measure(Path dir, int agents, int hours, long start, PrintStream out)
      throws SQLException {
    BenchOptions options =
        BenchOptions.parse(
            new String[] {
              "--db",
              "h2",
              "--parts",
              "footprint",
              "--footprint-agents",
              Integer.toString(agents),
              "--footprint-hours",
              Integer.toString(hours)
            });
    try (Database db = new H2Database(dir)) {
      DiskFootprint.Result r = DiskFootprint.run(db, options, out, start);
      return new Figures(r.values(), r.stopped(), r.coarseMerged(), r.rawOnly());
    }
  }
}
