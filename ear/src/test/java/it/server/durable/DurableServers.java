package it.server.durable;

import it.support.liberty.InstancePorts;
import it.support.liberty.LibertyInstance;
import java.util.HashMap;
import java.util.Map;

/**
 * The Liberty instances of these tests: a collection baseline of 10 s, so only a manual hold makes
 * an agent stream every second (and a hold that was not restored shows), and the store's flush
 * interval set explicitly, as the kill -9 bound depends on it.
 */
final class DurableServers {

  static final int BASELINE_SECONDS = 10;
  static final int FLUSH_SECONDS = 5;

  private DurableServers() {}

  /** Created and started; {@code env} adds to (or overrides) the settings above. */
  static LibertyInstance start(String name, int firstPort, Map<String, String> env) {
    Map<String, String> all = new HashMap<>();
    all.put("NODELINK_COLLECTION_INTERVAL", BASELINE_SECONDS + "s");
    all.put("NODELINK_STORE_FLUSH_INTERVAL", FLUSH_SECONDS + "s");
    all.putAll(env);
    LibertyInstance server = LibertyInstance.create(name, InstancePorts.from(firstPort), all);
    Figures.print(name, "first start to ready " + Figures.seconds(server.start()));
    return server;
  }
}
