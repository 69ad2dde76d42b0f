package io.nodelink.metrics.server.access;

import java.util.List;
import java.util.Locale;

/**
 * What a state-changing request must look like so another site cannot forge it from a browser: a
 * body only as {@code application/json} (an HTML form or {@code text/plain} needs no CORS
 * preflight, JSON does), and an {@code Origin}, when the browser sends one, that is this server's
 * own or an allowed one.
 */
final class CrossSiteRules {

  private CrossSiteRules() {}

  /**
   * Whether a write with this content type and length may pass: JSON, or no body at all (the
   * contract's {@code POST .../metrics/stop} and {@code system/refresh} have none).
   */
  static boolean acceptableBody(String contentType, long contentLength) {
    if (contentType == null || contentType.isBlank()) {
      return contentLength <= 0;
    }
    String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return type.equals("application/json");
  }

  /**
   * Whether a write from {@code origin} may pass: no Origin (not a browser, or a same-origin GET
   * turned POST by an old browser), the server's own ({@code scheme://host} as the request
   * addressed it), or one of {@code allowedOrigins} ({@code *} allows any).
   */
  static boolean acceptableOrigin(
      String origin, String scheme, String hostHeader, List<String> allowedOrigins) {
    if (origin == null) {
      return true;
    }
    if (allowedOrigins.contains("*") || allowedOrigins.contains(origin)) {
      return true;
    }
    return hostHeader != null
        && origin.equalsIgnoreCase(scheme + "://" + hostHeader)
        && !"null".equals(origin);
  }
}
