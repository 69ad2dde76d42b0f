package it.server.durable;

import it.support.liberty.InstancePorts;

/**
 * The loopback ports of this package's servers, one block each from {@code it.port.base} (the ear
 * pom's property, 20 ports), so the classes never collide with each other or the build's server.
 */
final class DurablePorts {

  private DurablePorts() {}

  static InstancePorts embedded() {
    return InstancePorts.from(base());
  }

  static InstancePorts postgresServer() {
    return InstancePorts.from(base() + 3);
  }

  static int postgres() {
    return base() + 6;
  }

  private static int base() {
    return Integer.getInteger("it.port.base", 18180);
  }
}
