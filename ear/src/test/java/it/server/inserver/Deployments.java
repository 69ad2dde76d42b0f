package it.server.inserver;

import io.nodelink.metrics.testkit.Timeouts;
import io.nodelink.metrics.testkit.agent.TestAgent;
import io.nodelink.metrics.testkit.contract.ExactJson;
import io.nodelink.metrics.testkit.protocol.Snapshots;
import it.support.ItConfig;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Micro-deployments for the in-server tests: the server WAR the build produced (server classes plus
 * its proto, history and gRPC jars), renamed, bound to Liberty's default host (the admin port,
 * where Arquillian's servlet protocol reaches it) instead of the API host, and with extra
 * MicroProfile Config that outranks the application's own and the test server's environment — above
 * all its own gRPC port, so it never clashes with the main application, and no state persistence
 * (unless the config asks for it), so it shares no state with it through the dataSource.
 */
public final class Deployments {

  /** Above environment variables (300), so a deployment's own settings win. */
  private static final int CONFIG_ORDINAL = 500;

  private Deployments() {}

  /** The server WAR as {@code name.war}, with {@code config} overriding its MicroProfile Config. */
  public static WebArchive serverWar(String name, Map<String, Object> config) {
    File war = ItConfig.serverWar().toFile();
    if (!war.isFile()) {
      throw new IllegalStateException("no server WAR at " + war + " (build server-war first)");
    }
    WebArchive archive =
        ShrinkWrap.create(WebArchive.class, name + ".war")
            .merge(ShrinkWrap.createFromZipFile(WebArchive.class, war));
    archive.delete("WEB-INF/ibm-web-bnd.xml");
    // A second microprofile-config.properties (in a jar of its own) with a higher ordinal: the
    // application's own file stays as it is, these values win over it and over the environment.
    archive.addAsLibrary(
        ShrinkWrap.create(JavaArchive.class, "arq-config.jar")
            .addAsManifestResource(
                new StringAsset(properties(config)), "microprofile-config.properties"));
    return archive;
  }

  /**
   * Adds the test kit (test agent, payloads, the ITs' helpers) and the assertion libraries the
   * tests use inside.
   */
  static WebArchive withTestKit(WebArchive archive) {
    return archive
        .addPackage(ItConfig.class.getPackage())
        .addPackage(TestAgent.class.getPackage())
        .addPackage(Snapshots.class.getPackage())
        .addPackage(ExactJson.class.getPackage())
        .addPackage(Timeouts.class.getPackage())
        .addClass(Deployments.class)
        .addAsLibraries(
            jarOf(org.assertj.core.api.Assertions.class),
            jarOf(org.awaitility.Awaitility.class),
            jarOf(org.hamcrest.Matcher.class),
            jarOf(com.fasterxml.jackson.databind.ObjectMapper.class),
            jarOf(com.fasterxml.jackson.core.JsonFactory.class),
            jarOf(com.fasterxml.jackson.annotation.JsonProperty.class));
  }

  /** A TCP port that is free on loopback right now. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String properties(Map<String, Object> config) {
    Map<String, Object> all = new TreeMap<>();
    // A copy shares the server's dataSource: it must neither restore the main application's
    // agents, tasks and holds nor write its own test agents into them.
    all.put("nodelink.state.persist", false);
    // History in memory too: the main application owns the history tables, and two writers of one
    // series catalog would clash.
    all.put("nodelink.store.enabled", false);
    // Only the main application remote-writes (RemoteWriteIT compares what it sent): a copy's
    // senders would also share, and on undeploy remove, the main application's metrics.
    all.put("nodelink.remote-write.enabled", false);
    // Likewise only the main application evaluates alerts and notifies (NotificationsIT counts
    // what its receivers got).
    all.put("nodelink.alerts.enabled", false);
    // server.xml binds the roles of the main application only; a copy has none to check, so its
    // callers act as operators.
    all.put("nodelink.http.anonymous-role", "operator");
    all.putAll(config);
    all.put("config_ordinal", CONFIG_ORDINAL);
    // The main application already serves the OpenAPI document; scanning copies only costs time.
    all.put("mp.openapi.scan.disable", true);
    return all.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("\n", "", "\n"));
  }

  private static File jarOf(Class<?> type) {
    try {
      return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
