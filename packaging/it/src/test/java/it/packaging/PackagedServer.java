package it.packaging;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The runnable server package, copied into a fresh directory and started there with {@code java
 * -jar nodelink-server.jar} and environment variables only: once for all tests of the run (kept in
 * the root extension store, stopped when the run ends). Its agents' tokens come from a site
 * configuration file in {@code NODELINK_CONFIG_DIR}, as an operator would add them.
 */
final class PackagedServer implements AutoCloseable {

  /** Agent ids and tokens the server accepts: one agent per kind of test. */
  static final Map<String, String> TOKENS =
      Map.of(
          "pkg-plain", "token-plain-7f3a",
          "pkg-deb", "token-deb-91c2",
          "pkg-ansible", "token-ansible-5e0d");

  /** A viewer of the packaged server's site registry: the server requires login. */
  private static final String VIEWER = "pkg-viewer";

  private static final String VIEWER_PASSWORD = "pkg-viewer-secret";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Process process;
  private final Path dir;

  private PackagedServer(Process process, Path dir) {
    this.process = process;
    this.dir = dir;
  }

  /** Resolves {@code PackagedServer} test parameters to the one server of the run. */
  static final class Resolver implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == PackagedServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return context
          .getRoot()
          .getStore(ExtensionContext.Namespace.create(PackagedServer.class))
          .getOrComputeIfAbsent(PackagedServer.class, k -> start(), PackagedServer.class);
    }
  }

  private static PackagedServer start() {
    Path jar = PackagingConfig.serverPackage();
    Assumptions.assumeTrue(
        Files.isRegularFile(jar),
        "packaged-server test skipped: no " + jar + " (./mvnw package builds it)");
    try {
      Path dir = Files.createTempDirectory(PackagingConfig.workDir(), "server-");
      Path siteConfig = Files.createDirectories(dir.resolve("server.d"));
      Files.writeString(siteConfig.resolve("tokens.xml"), tokensXml());
      Files.writeString(siteConfig.resolve("users.xml"), usersXml());
      Path copy = Files.copy(jar, dir.resolve("nodelink-server.jar"));
      ProcessBuilder builder =
          new ProcessBuilder(List.of(javaBin(), "-jar", copy.getFileName().toString()))
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("server.log").toFile());
      Map<String, String> env = builder.environment();
      env.put("HTTP_PORT", Integer.toString(PackagingConfig.port(0)));
      env.put("ADMIN_PORT", Integer.toString(PackagingConfig.port(1)));
      env.put("NODELINK_GRPC_PORT", Integer.toString(PackagingConfig.port(2)));
      env.put("HTTPS_PORT", Integer.toString(PackagingConfig.port(3)));
      env.put("ADMIN_HTTPS_PORT", Integer.toString(PackagingConfig.port(4)));
      env.put("NODELINK_CONFIG_DIR", siteConfig + "/");
      env.put("WLP_JAR_EXTRACT_DIR", dir.resolve("extract").toString());
      PackagedServer server = new PackagedServer(builder.start(), dir);
      server.awaitHealthy();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String tokensXml() {
    StringBuilder tokens = new StringBuilder();
    TOKENS.forEach(
        (id, token) -> tokens.append(tokens.isEmpty() ? "" : ",").append(id + ":" + token));
    return "<server>\n  <variable name=\"nodelink.auth.tokens\" value=\""
        + tokens
        + "\"/>\n</server>\n";
  }

  private static String usersXml() {
    return "<server>\n  <basicRegistry id=\"basic\" realm=\"NodeLink\">\n"
        + "    <user name=\""
        + VIEWER
        + "\" password=\""
        + VIEWER_PASSWORD
        + "\"/>\n    <group name=\"nodelink-viewers\"><member name=\""
        + VIEWER
        + "\"/></group>\n  </basicRegistry>\n</server>\n";
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private void awaitHealthy() {
    await("the packaged server's /health to be UP (log: " + dir.resolve("server.log") + ")")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .until(() -> process.isAlive() && "UP".equals(health().path("status").asText()));
  }

  /** {@code GET /health} on the admin port. */
  JsonNode health() throws IOException, InterruptedException {
    return get(URI.create("http://127.0.0.1:" + PackagingConfig.port(1) + "/health"));
  }

  /** Whether the server lists {@code agentId} as connected now. */
  boolean connected(String agentId) {
    try {
      URI uri = URI.create("http://127.0.0.1:" + PackagingConfig.port(0) + "/agents/" + agentId);
      return get(uri, viewerAuthorization()).path("connected").asBoolean(false);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** A plain-HTTP GET on the admin port, as it answers (status and headers). */
  HttpResponse<String> adminResponse(String path) throws IOException, InterruptedException {
    URI uri = URI.create("http://127.0.0.1:" + PackagingConfig.port(1) + path);
    return HTTP.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The gRPC address agents connect to. */
  String grpcTarget() {
    return "127.0.0.1:" + PackagingConfig.port(2);
  }

  private static String viewerAuthorization() {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString(
                (VIEWER + ":" + VIEWER_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static JsonNode get(URI uri) throws IOException, InterruptedException {
    return get(uri, null);
  }

  private static JsonNode get(URI uri, String authorization)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(uri + " answered " + response.statusCode());
    }
    return JSON.readTree(response.body());
  }

  @Override
  public void close() {
    // The jar's launcher runs the server in a child JVM (with jvm.options): SIGTERM to both,
    // and Liberty stops the application and the server.
    List<ProcessHandle> all = new java.util.ArrayList<>(process.descendants().toList());
    all.add(process.toHandle());
    all.forEach(ProcessHandle::destroy);
    for (ProcessHandle handle : all) {
      try {
        handle.onExit().get(90, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        handle.destroyForcibly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        handle.destroyForcibly();
      }
    }
  }
}
