package it.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The test users of the build's server ({@code ear/src/test/liberty/config/configDropins/overrides/
 * test-users.xml}). The tests' HTTP clients sign in as {@link #OPERATOR} unless told otherwise.
 */
public record Credentials(String user, String password) {

  /** In the operator group: may do everything. */
  public static final Credentials OPERATOR = new Credentials("it-operator", "it-operator-secret");

  /** In the viewer group: may read only. */
  public static final Credentials VIEWER = new Credentials("it-viewer", "it-viewer-secret");

  /** In the registry, in neither group. */
  public static final Credentials NOBODY = new Credentials("it-nobody", "it-nobody-secret");

  /** The {@code Authorization} header value for HTTP Basic. */
  public String basicHeader() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
