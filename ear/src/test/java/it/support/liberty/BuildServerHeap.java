package it.support.liberty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The live heap of the build's server: {@code jcmd <pid> GC.class_histogram} runs a full GC first
 * and then sums every live object, so the figure holds no garbage and does not depend on when the
 * collector last ran.
 */
public final class BuildServerHeap {

  private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+(\\d+)\\s+(\\d+)");
  private static final Pattern ROW =
      Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

  private BuildServerHeap() {}

  /**
   * The live objects after a full GC.
   *
   * @param totalBytes bytes of every live object
   * @param bytesByClass the same by class name
   * @param text jcmd's histogram as it printed it
   */
  public record Histogram(long totalBytes, Map<String, Long> bytesByClass, String text) {

    /** Writes jcmd's histogram to {@code file}, for a look at every class after the test. */
    public void saveTo(Path file) {
      try {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + file, e);
      }
    }

    /** The {@code n} classes that grew most since {@code before}, one per line, for a report. */
    public String growthSince(Histogram before, int n) {
      Map<String, Long> growth = new HashMap<>();
      bytesByClass.forEach(
          (name, bytes) -> growth.put(name, bytes - before.bytesByClass.getOrDefault(name, 0L)));
      return growth.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
          .limit(n)
          .map(e -> String.format("%+12d B  %s", e.getValue(), e.getKey()))
          .collect(Collectors.joining("\n"));
    }
  }

  /** The build server's live heap after a full GC. */
  public static Histogram liveHeap() {
    String text = jcmd("GC.class_histogram");
    Matcher total = TOTAL.matcher(text);
    if (!total.find()) {
      throw new IllegalStateException("no Total line in the class histogram of the server");
    }
    Map<String, Long> byClass = new HashMap<>();
    Matcher row = ROW.matcher(text);
    while (row.find()) {
      byClass.merge(row.group(3), Long.parseLong(row.group(2)), Long::sum);
    }
    return new Histogram(Long.parseLong(total.group(2)), byClass, text);
  }

  /** The build server's pid, from Liberty's pid file next to the servers. */
  public static long pid() {
    Path dir = BuildServer.directory();
    Path file = dir.getParent().resolve(".pid").resolve(dir.getFileName() + ".pid");
    try {
      return Long.parseLong(Files.readString(file).trim());
    } catch (IOException e) {
      throw new UncheckedIOException("no pid file of the build's server at " + file, e);
    }
  }

  private static String jcmd(String command) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      Process process =
          new ProcessBuilder(jcmd.toString(), Long.toString(pid()), command)
              .redirectErrorStream(true)
              .start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException("jcmd " + command + " failed: " + out);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + jcmd, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running jcmd", e);
    }
  }
}
