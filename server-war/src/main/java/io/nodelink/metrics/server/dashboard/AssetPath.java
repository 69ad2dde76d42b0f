package io.nodelink.metrics.server.dashboard;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A request path for a static file, checked before it reaches the ServletContext.
 *
 * <p>Only plain names are accepted: segments of letters, digits, {@code . _ -} separated by single
 * slashes, none of them {@code .} or {@code ..}. Percent-escapes (so encoded slashes, dots and
 * NULs), backslashes and empty segments are refused outright rather than decoded, which keeps
 * traversal out without having to reason about the container's decoding.
 */
final class AssetPath {

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");
  private static final int MAX_LENGTH = 256;

  private AssetPath() {}

  /**
   * Checks a raw (still encoded) relative path.
   *
   * @param raw the path below the served folder, as it appeared in the URI
   * @return the same path if it is safe, empty otherwise
   */
  static Optional<String> of(String raw) {
    if (raw == null || raw.isEmpty() || raw.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    for (String segment : raw.split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches() || segment.contains("..")) {
        return Optional.empty();
      }
    }
    return Optional.of(raw);
  }
}
