package io.nodelink.metrics.bench.tsdb;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The comparison's table: one row per store and stage, printed and optionally as TSV. */
final class ResultTable {

  /**
   * One row; the rates are NaN where they do not apply (a stage after the push, or our store, which
   * is written in-process and not by remote-write).
   */
  record Row(
      String store,
      String stage,
      long samples,
      long bytes,
      double pushSamplesPerSecond,
      double samplesPerSenderCpuSecond,
      double samplesPerReceiverCpuSecond) {

    double bytesPerSample() {
      return (double) bytes / samples;
    }
  }

  private static final String[] HEADER = {
    "store",
    "stage",
    "samples",
    "bytes on disk",
    "B/sample",
    "push samples/s",
    "samples per sender CPU-s",
    "samples per receiver CPU-s"
  };

  private final List<Row> rows = new ArrayList<>();

  void add(Row row) {
    rows.add(row);
  }

  void print(PrintStream out) {
    List<String[]> cells = new ArrayList<>();
    cells.add(HEADER);
    rows.forEach(r -> cells.add(formatted(r)));
    int[] widths = new int[HEADER.length];
    for (String[] line : cells) {
      for (int c = 0; c < line.length; c++) {
        widths[c] = Math.max(widths[c], line[c].length());
      }
    }
    for (String[] line : cells) {
      StringBuilder text = new StringBuilder();
      for (int c = 0; c < line.length; c++) {
        String pad = " ".repeat(widths[c] - line[c].length());
        text.append(c < 2 ? line[c] + pad : pad + line[c]).append(c + 1 < line.length ? "  " : "");
      }
      out.println(text);
    }
  }

  void writeTsv(Path file, String machine) throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add("# " + machine);
    lines.add(String.join("\t", HEADER));
    for (Row r : rows) {
      lines.add(
          String.join(
              "\t",
              r.store(),
              r.stage(),
              Long.toString(r.samples()),
              Long.toString(r.bytes()),
              String.format(Locale.ROOT, "%.4f", r.bytesPerSample()),
              rate(r.pushSamplesPerSecond(), "%.0f"),
              rate(r.samplesPerSenderCpuSecond(), "%.0f"),
              rate(r.samplesPerReceiverCpuSecond(), "%.0f")));
    }
    Files.write(file, lines);
  }

  private static String[] formatted(Row r) {
    return new String[] {
      r.store(),
      r.stage(),
      String.format(Locale.ROOT, "%,d", r.samples()),
      String.format(Locale.ROOT, "%,d", r.bytes()),
      String.format(Locale.ROOT, "%.3f", r.bytesPerSample()),
      rate(r.pushSamplesPerSecond(), "%,.0f"),
      rate(r.samplesPerSenderCpuSecond(), "%,.0f"),
      rate(r.samplesPerReceiverCpuSecond(), "%,.0f")
    };
  }

  private static String rate(double value, String format) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, format, value);
  }
}
