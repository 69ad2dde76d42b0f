package it.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import it.support.Credentials;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API over HTTPS on the build's server, trusting only the certificate Liberty generated into
 * its key store at first start (the demo's set-up); login works there as on plain HTTP.
 */
class HttpsIT {

  private static final Path SERVER =
      Path.of(System.getProperty("liberty.server.dir", "target/liberty/wlp/usr/servers/nodelink"));
  private static final int PORT = Integer.getInteger("https.port", 8443);

  private static KeyStore keyStore;
  private static SSLContext trustingTheServer;

  @BeforeAll
  static void trustTheGeneratedCertificate() throws Exception {
    keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(SERVER.resolve("resources/security/key.p12"))) {
      keyStore.load(in, keystorePassword().toCharArray());
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(keyStore);
    trustingTheServer = SSLContext.getInstance("TLS");
    trustingTheServer.init(null, trust.getTrustManagers(), null);
  }

  /** liberty:create wrote the key store's password into server.env. */
  private static String keystorePassword() throws IOException {
    return Files.readAllLines(SERVER.resolve("server.env"), StandardCharsets.UTF_8).stream()
        .filter(line -> line.startsWith("keystore_password="))
        .map(line -> line.substring("keystore_password=".length()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no keystore_password in server.env"));
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
