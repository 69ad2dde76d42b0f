package io.nodelink.metrics.agent.collect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A tracked-process rule: processes matching it are reported in {@code task_processes} with the
 * rule's name as {@code task_id}. A rule matches by kernel process name (regex, full match against
 * the at most 15-character {@code comm}), by command line (regex, found anywhere in the arguments
 * joined by spaces), or by the pid in a pid file.
 *
 * @param name the rule's name, reported as {@code task_id}
 * @param namePattern regex on the process name, or null
 * @param cmdlinePattern regex searched in the command line, or null
 * @param pidFile pid file, or null
 */
public record TrackRule(String name, Pattern namePattern, Pattern cmdlinePattern, Path pidFile) {

  /** True when the rule needs each process's command line. */
  public boolean needsCmdline() {
    return cmdlinePattern != null;
  }

  /** True when the process with this name (and command line, when needed) matches. */
  public boolean matches(String comm, String cmdline) {
    if (namePattern != null && namePattern.matcher(comm).matches()) {
      return true;
    }
    return cmdlinePattern != null && cmdline != null && cmdlinePattern.matcher(cmdline).find();
  }

  /**
   * The pid in the rule's pid file (its first word), or empty: no pid file (service stopped) or
   * garbage in it, and the rule reports pid 0.
   */
  public OptionalInt pidFromFile() {
    try {
      String text = Files.readString(pidFile, StandardCharsets.US_ASCII).trim();
      return OptionalInt.of(Integer.parseInt(text.split("\\s+")[0]));
    } catch (IOException | NumberFormatException | SecurityException e) {
      return OptionalInt.empty();
    }
  }
}
