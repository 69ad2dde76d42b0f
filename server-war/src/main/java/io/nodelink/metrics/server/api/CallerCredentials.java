package io.nodelink.metrics.server.api;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.Map;
import java.util.TreeMap;

/**
 * The caller's credentials, passed on when another server of the cluster is asked on its behalf:
 * that server checks them again, so nobody sees through a peer what they could not see directly.
 */
final class CallerCredentials {

  private static final String[] HEADERS = {"Authorization", "Cookie"};

  private CallerCredentials() {}

  /** The caller's {@code Authorization} and {@code Cookie} headers (name, value). */
  static Map<String, String> of(HttpHeaders headers) {
    Map<String, String> credentials = new TreeMap<>();
    for (String name : HEADERS) {
      String value = headers.getHeaderString(name);
      if (value != null) {
        credentials.put(name, value);
      }
    }
    return credentials;
  }
}
