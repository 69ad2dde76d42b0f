package it.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import it.support.Credentials;
import it.support.tls.ServerTrust;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API over HTTPS on the build's server, trusting only the certificate Liberty generated into
 * its key store at first start (the demo's set-up); login works there as on plain HTTP.
 */
class HttpsIT {

  private static final int PORT = Integer.getInteger("https.port", 8443);

  private static KeyStore keyStore;
  private static SSLContext trustingTheServer;

  @BeforeAll
  static void trustTheGeneratedCertificate() {
    keyStore = ServerTrust.keyStore();
    trustingTheServer = ServerTrust.sslContext();
  }

  private static HttpsURLConnection open(String path) throws IOException {
    URL url = URI.create("https://localhost:" + PORT + path).toURL();
    HttpsURLConnection connection = (HttpsURLConnection) url.openConnection();
    connection.setSSLSocketFactory(trustingTheServer.getSocketFactory());
    // The generated certificate names the machine, the test calls localhost: accept the name only
    // for the very certificate in the server's key store (the trust check above already passed).
    connection.setHostnameVerifier(
        (host, session) -> {
          try {
            Certificate presented = session.getPeerCertificates()[0];
            return keyStore.getCertificateAlias(presented) != null;
          } catch (SSLPeerUnverifiedException | java.security.KeyStoreException e) {
            return false;
          }
        });
    connection.setConnectTimeout(10_000);
    connection.setReadTimeout(20_000);
    return connection;
  }

  @Test
  void apiAnswersOverHttpsWithTheGeneratedCertificate() throws IOException {
    HttpsURLConnection connection = open("/metrics/agents");
    connection.setRequestProperty("Authorization", Credentials.VIEWER.basicHeader());

    assertThat(connection.getResponseCode()).isEqualTo(200);
    try (InputStream body = connection.getInputStream()) {
      assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).contains("\"agents\"");
    }
  }

  @Test
  void loginIsRequiredOverHttpsToo() throws IOException {
    HttpsURLConnection connection = open("/metrics/agents");

    assertThat(connection.getResponseCode()).isEqualTo(401);
  }
}
