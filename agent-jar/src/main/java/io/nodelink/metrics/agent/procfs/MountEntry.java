package io.nodelink.metrics.agent.procfs;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of {@code /proc/mounts}.
 *
 * @param device the mounted source, e.g. {@code /dev/sda1}
 * @param mountPoint where it is mounted (octal escapes such as {@code \040} decoded)
 * @param fsType filesystem type, e.g. {@code ext4}
 * @param options mount options
 */
public record MountEntry(String device, String mountPoint, String fsType, String options) {

  /** Parses {@code /proc/mounts} (or {@code /proc/self/mounts}) lines. */
  public static List<MountEntry> parse(List<String> lines) {
    List<MountEntry> mounts = new ArrayList<>();
    for (String line : lines) {
      String[] f = Fields.split(line);
      if (f.length < 4) {
        continue;
      }
      mounts.add(new MountEntry(unescape(f[0]), unescape(f[1]), f[2], f[3]));
    }
    return mounts;
  }

  /** Decodes the kernel's octal escapes for space, tab, newline and backslash. */
  static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && isOctal(s, i + 1)) {
        out.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isOctal(String s, int from) {
    if (from + 3 > s.length()) {
      return false;
    }
    for (int i = from; i < from + 3; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '7') {
        return false;
      }
    }
    return true;
  }
}
