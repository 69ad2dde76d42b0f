package io.nodelink.metrics.agent.sysinfo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code /etc/os-release} (os-release(5)): {@code KEY=value}, values maybe quoted. */
public final class OsRelease {
  private OsRelease() {}

  /** The key/value pairs, quotes removed. */
  public static Map<String, String> parse(List<String> lines) {
    Map<String, String> values = new HashMap<>();
    for (String line : lines) {
      String l = line.trim();
      int eq = l.indexOf('=');
      if (l.startsWith("#") || eq <= 0) {
        continue;
      }
      String v = l.substring(eq + 1).trim();
      if (v.length() >= 2
          && (v.charAt(0) == '"' || v.charAt(0) == '\'')
          && v.charAt(v.length() - 1) == v.charAt(0)) {
        v = v.substring(1, v.length() - 1).replace("\\\"", "\"").replace("\\$", "$");
      }
      values.put(l.substring(0, eq).trim(), v);
    }
    return values;
  }
}
