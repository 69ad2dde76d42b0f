package it.support.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away CA and the certificates it signs, made with the JDK's {@code keytool} (nothing from
 * outside the JDK): PEM files as the gRPC server and agents read them.
 */
public final class TestCertificates {

  private static final String PASSWORD = "changeit";

  private final Path dir;

  private TestCertificates(Path dir) {
    this.dir = dir;
  }

  /** A new CA in {@code dir} (emptied first). */
  public static TestCertificates newCa(Path dir) {
    try {
      if (Files.exists(dir)) {
        try (var files = Files.walk(dir)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      Files.createDirectories(dir);
      TestCertificates ca = new TestCertificates(dir);
      ca.keytool(
          "-genkeypair",
          "-alias",
          "ca",
          "-keyalg",
          "RSA",
          "-keysize",
          "2048",
          "-dname",
          "CN=NodeLink test CA",
          "-ext",
          "bc:c",
          "-validity",
          "2",
          "-keystore",
          ca.store("ca").toString(),
          "-storetype",
          "PKCS12",
          "-storepass",
          PASSWORD);
      ca.keytool(
          "-exportcert",
          "-rfc",
          "-alias",
          "ca",
          "-keystore",
          ca.store("ca").toString(),
          "-storepass",
          PASSWORD,
          "-file",
          ca.caPem().toString());
      return ca;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The CA certificate (PEM), for trust on both sides. */
  public Path caPem() {
    return dir.resolve("ca.pem");
  }

  /**
   * Issues a certificate for {@code commonName} with the given subject alternative names (keytool
   * syntax, e.g. {@code dns:localhost,ip:127.0.0.1}); returns its chain and key as PEM files.
   */
  public Issued issue(String name, String commonName, String subjectAlternativeNames) {
    try {
      Path store = store(name);
      keytool(
          "-genkeypair",
          "-alias",
          name,
          "-keyalg",
          "RSA",
          "-keysize",
          "2048",
          "-dname",
          "CN=" + commonName,
          "-validity",
          "2",
          "-keystore",
          store.toString(),
          "-storetype",
          "PKCS12",
          "-storepass",
          PASSWORD);
      Path csr = dir.resolve(name + ".csr");
      keytool(
          "-certreq",
          "-alias",
          name,
          "-keystore",
          store.toString(),
          "-storepass",
          PASSWORD,
          "-file",
          csr.toString());
      Path signed = dir.resolve(name + ".signed.pem");
      List<String> gencert =
          new ArrayList<>(
              List.of(
                  "-gencert",
                  "-rfc",
                  "-alias",
                  "ca",
                  "-keystore",
                  store("ca").toString(),
                  "-storepass",
                  PASSWORD,
                  "-validity",
                  "2",
                  "-infile",
                  csr.toString(),
                  "-outfile",
                  signed.toString()));
      if (!subjectAlternativeNames.isEmpty()) {
        gencert.addAll(List.of("-ext", "SAN=" + subjectAlternativeNames));
      }
      keytool(gencert.toArray(String[]::new));
      Path chain = dir.resolve(name + ".pem");
      Files.writeString(
          chain, Files.readString(signed) + Files.readString(caPem()), StandardCharsets.US_ASCII);
      Path key = dir.resolve(name + ".key");
      Files.writeString(key, privateKeyPem(store, name), StandardCharsets.US_ASCII);
      return new Issued(chain, key);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot issue a certificate for " + commonName, e);
    }
  }

  /** A certificate chain and its PKCS#8 private key, both PEM. */
  public record Issued(Path chain, Path key) {}

  private Path store(String name) {
    return dir.resolve(name + ".p12");
  }

  private static String privateKeyPem(Path store, String alias)
      throws IOException, GeneralSecurityException {
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keyStore.load(in, PASSWORD.toCharArray());
    }
    PrivateKey key = (PrivateKey) keyStore.getKey(alias, PASSWORD.toCharArray());
    String base64 =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded());
    return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
  }

  private void keytool(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("keytool.log").toFile())
            .start();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException(
            "keytool " + args[0] + " failed: " + Files.readString(dir.resolve("keytool.log")));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
