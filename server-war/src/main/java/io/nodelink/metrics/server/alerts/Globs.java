package io.nodelink.metrics.server.alerts;

import java.util.regex.Pattern;

/** Agent id, silence and metric patterns: {@code *} stands for any characters. */
final class Globs {

  private Globs() {}

  static Pattern compile(String glob, String star) {
    StringBuilder regex = new StringBuilder();
    String[] parts = glob.split("\\*", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        regex.append(star);
      }
      regex.append(Pattern.quote(parts[i]));
    }
    return Pattern.compile(regex.toString());
  }

  static boolean matches(String glob, String text) {
    if (glob.equals("*")) {
      return true;
    }
    return glob.indexOf('*') < 0 ? glob.equals(text) : compile(glob, ".*").matcher(text).matches();
  }
}
