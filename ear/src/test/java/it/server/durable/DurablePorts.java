package it.server.durable;

/**
 * The first loopback port of each server of this package, from {@code it.port.base} (the ear pom's
 * property, 20 ports), so they never collide with each other or the build's server. A Liberty
 * instance takes three ports.
 */
final class DurablePorts {

  private DurablePorts() {}

  static int embeddedServer() {
    return base();
  }

  static int postgresServer() {
    return base() + 3;
  }

  static int postgres() {
    return base() + 6;
  }

  /** Clustered servers and their database after the TSDB's port (base + 10). */
  static int clusterServerA() {
    return base() + 11;
  }

  static int clusterServerB() {
    return base() + 14;
  }

  static int clusterPostgres() {
    return base() + 17;
  }

  private static int base() {
    return Integer.getInteger("it.port.base", 18180);
  }
}
