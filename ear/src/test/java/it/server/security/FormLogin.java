package it.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import it.support.Api;
import it.support.ApiResponse;
import it.support.Credentials;
import it.support.ItConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Liberty's form login ({@code j_security_check}) as the dashboard's login page posts it. */
final class FormLogin {

  private FormLogin() {}

  /** Posts the login form; Liberty answers with a redirect either way. */
  static ApiResponse post(Credentials user) {
    String form =
        "j_username="
            + URLEncoder.encode(user.user(), StandardCharsets.UTF_8)
            + "&j_password="
            + URLEncoder.encode(user.password(), StandardCharsets.UTF_8);
    return Api.anonymous(
        "POST",
        ItConfig.api("/j_security_check"),
        form,
        Map.of("Content-Type", "application/x-www-form-urlencoded"));
  }

  /** Signs in and returns the {@code Cookie} header value with Liberty's single sign-on cookie. */
  static String signIn(Credentials user) {
    ApiResponse response = post(user);
    assertThat(response.status()).as(response.describe()).isEqualTo(302);
    String setCookie =
        response.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("LtpaToken2="))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no LtpaToken2 in " + response.describe()));
    return setCookie.substring(0, setCookie.indexOf(';'));
  }
}
