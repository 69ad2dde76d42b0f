package it.support;

import java.net.URI;
import java.nio.file.Path;

/** Where the server the build started listens, as failsafe passes it in system properties. */
public final class ItConfig {

  private ItConfig() {}

  /** The HTTP API port (REST, SSE, dashboard). */
  public static int httpPort() {
    return Integer.getInteger("http.port", 8080);
  }

  /** The admin port (MicroProfile Health and Metrics). */
  public static int adminPort() {
    return Integer.getInteger("admin.port", 9080);
  }

  /** The admin port's HTTPS port, where MicroProfile Metrics answers signed-in users. */
  public static int adminHttpsPort() {
    return Integer.getInteger("admin.https.port", 9443);
  }

  /** The agent gRPC port. */
  public static int grpcPort() {
    return Integer.getInteger("grpc.port", 9090);
  }

  /** A URI on the API port. */
  public static URI api(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + httpPort() + pathAndQuery);
  }

  /** A URI on the admin port. */
  public static URI admin(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + adminPort() + pathAndQuery);
  }

  /** A URI on the admin port's HTTPS port (the server's certificate names 127.0.0.1). */
  public static URI adminHttps(String pathAndQuery) {
    return URI.create("https://127.0.0.1:" + adminHttpsPort() + pathAndQuery);
  }

  /** The shaded agent jar, or {@code null} if the build passed none. */
  public static Path agentJar() {
    String jar = System.getProperty("agent.jar");
    return jar == null || jar.isBlank() ? null : Path.of(jar);
  }

  /** The server WAR the build produced (base of the Arquillian deployments). */
  public static Path serverWar() {
    return Path.of(System.getProperty("server.war", "../server-war/target/nodelink-server.war"));
  }
}
