package io.nodelink.metrics.server.dashboard;

import java.util.Locale;
import java.util.Map;

/** Content types of the files the dashboard serves, by file name extension. */
final class ContentTypes {

  static final String DEFAULT = "application/octet-stream";

  private static final Map<String, String> BY_EXTENSION =
      Map.ofEntries(
          Map.entry("html", "text/html; charset=utf-8"),
          Map.entry("js", "text/javascript; charset=utf-8"),
          Map.entry("mjs", "text/javascript; charset=utf-8"),
          Map.entry("css", "text/css; charset=utf-8"),
          Map.entry("json", "application/json"),
          Map.entry("map", "application/json"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("png", "image/png"),
          Map.entry("ico", "image/x-icon"),
          Map.entry("webmanifest", "application/manifest+json"),
          Map.entry("txt", "text/plain; charset=utf-8"),
          Map.entry("md", "text/plain; charset=utf-8"),
          Map.entry("ts", "text/plain; charset=utf-8"),
          Map.entry("woff2", "font/woff2"));

  private ContentTypes() {}

  /** The content type for a file name; {@value #DEFAULT} for unknown extensions. */
  static String forName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    int slash = fileName.lastIndexOf('/');
    if (dot < 0 || dot < slash) {
      return DEFAULT;
    }
    return BY_EXTENSION.getOrDefault(fileName.substring(dot + 1).toLowerCase(Locale.ROOT), DEFAULT);
  }

  /** Whether a response of this type is worth compressing. */
  static boolean isCompressible(String contentType) {
    return contentType.startsWith("text/")
        || contentType.startsWith("application/json")
        || contentType.startsWith("application/manifest")
        || contentType.startsWith("image/svg");
  }
}
