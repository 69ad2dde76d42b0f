package io.nodelink.metrics.agent.procfs;

import java.util.ArrayList;
import java.util.List;

/** Splits procfs lines on runs of spaces and tabs without a regular expression per line. */
final class Fields {
  private Fields() {}

  static String[] split(String line) {
    List<String> out = new ArrayList<>(20);
    int n = line.length();
    int i = 0;
    while (i < n) {
      while (i < n && isSpace(line.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !isSpace(line.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.add(line.substring(start, i));
      }
    }
    return out.toArray(new String[0]);
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t';
  }
}
