package io.nodelink.metrics.server.prometheus.remotewrite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.xerial.snappy.Snappy;

/**
 * Sends one {@code WriteRequest} to one destination over HTTP(S): snappy block format, the
 * remote-write 1.0 headers, basic or bearer auth. The HTTP client runs its work on the managed
 * executor it is given.
 */
final class RemoteWriteClient {

  private static final String VERSION = "0.1.0";

  private final RemoteWriteSettings settings;
  private final HttpClient http;
  private final String authorization;

  RemoteWriteClient(RemoteWriteSettings settings, Executor executor) {
    this.settings = settings;
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .executor(executor)
            .connectTimeout(settings.timeout())
            .version(HttpClient.Version.HTTP_1_1);
    if (settings.caFile() != null) {
      builder.sslContext(trusting(settings));
    }
    this.http = builder.build();
    this.authorization = authorization(settings);
  }

  /** The answer's status code and (for errors) the start of its body. */
  record Answer(int status, String body) {}

  Answer send(byte[] writeRequest) throws IOException, InterruptedException {
    byte[] body = Snappy.compress(writeRequest);
    HttpRequest.Builder post =
        HttpRequest.newBuilder(settings.url())
            .timeout(settings.timeout())
            .header("Content-Type", "application/x-protobuf")
            .header("Content-Encoding", "snappy")
            .header("User-Agent", "nodelink-metrics-server")
            .header("X-Prometheus-Remote-Write-Version", VERSION)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (authorization != null) {
      post.header("Authorization", authorization);
    }
    HttpResponse<InputStream> response = http.send(post.build(), BodyHandlers.ofInputStream());
    try (InputStream in = response.body()) {
      String text =
          response.statusCode() / 100 == 2
              ? ""
              : new String(in.readNBytes(512), StandardCharsets.UTF_8).strip();
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return new Answer(response.statusCode(), text);
    }
  }

  private static String authorization(RemoteWriteSettings s) {
    if (!s.bearerToken().isEmpty()) {
      return "Bearer " + s.bearerToken();
    }
    if (!s.username().isEmpty()) {
      String pair = s.username() + ":" + s.password();
      return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
    return null;
  }

  /** Trusts the certificates of the destination's {@code tls.ca-file} (instead of the JVM's). */
  private static SSLContext trusting(RemoteWriteSettings s) {
    try (InputStream pem = Files.newInputStream(s.caFile())) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate cert : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
        store.setCertificateEntry("ca-" + i++, cert);
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException("remote-write " + s.name() + ": cannot read tls.ca-file", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("remote-write " + s.name() + ": bad tls.ca-file", e);
    }
  }
}
