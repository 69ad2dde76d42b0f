package it.support.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Trust in the build server's own certificate only: the one Liberty generated into its key store at
 * first start (the demo's set-up), with the password liberty:create wrote into server.env. The
 * certificate names localhost and 127.0.0.1.
 */
public final class ServerTrust {

  private static final Path SERVER =
      Path.of(System.getProperty("liberty.server.dir", "target/liberty/wlp/usr/servers/nodelink"));

  private ServerTrust() {}

  /** The server's key store (its generated certificate and key). */
  public static KeyStore keyStore() {
    try (InputStream in = Files.newInputStream(SERVER.resolve("resources/security/key.p12"))) {
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(in, keystorePassword().toCharArray());
      return keyStore;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A TLS context that trusts the server's certificate and nothing else. */
  public static SSLContext sslContext() {
    try {
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(keyStore());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String keystorePassword() throws IOException {
    return Files.readAllLines(SERVER.resolve("server.env"), StandardCharsets.UTF_8).stream()
        .filter(line -> line.startsWith("keystore_password="))
        .map(line -> line.substring("keystore_password=".length()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no keystore_password in server.env"));
  }
}
