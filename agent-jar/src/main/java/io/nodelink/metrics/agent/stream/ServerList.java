package io.nodelink.metrics.agent.stream;

import io.nodelink.metrics.agent.config.ConfigException;
import java.util.ArrayList;
import java.util.List;

/**
 * Several servers for one agent, {@code server=a:9090,b:9090} (or {@code ;} between them, as
 * Zabbix's {@code ServerActive} writes it): the agent connects to the first that answers, in the
 * order given, and fails over to the next when its server goes away. A single address stays a plain
 * gRPC target, resolved by gRPC's own DNS resolver as before.
 */
public record ServerList(List<HostPort> servers) {

  /** One server: a host name or address (IPv6 in brackets in the text) and a port. */
  public record HostPort(String host, int port) {
    @Override
    public String toString() {
      return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
  }

  public ServerList {
    servers = List.copyOf(servers);
  }

  /** Whether the setting names more than one server. */
  public static boolean isList(String server) {
    return server.indexOf(',') >= 0 || server.indexOf(';') >= 0;
  }

  /**
   * @throws ConfigException naming the entry that is not {@code host:port}
   */
  public static ServerList parse(String text) {
    List<HostPort> servers = new ArrayList<>();
    for (String entry : text.split("[,;]")) {
      String trimmed = entry.strip();
      if (!trimmed.isEmpty()) {
        servers.add(hostPort(trimmed));
      }
    }
    if (servers.isEmpty()) {
      throw new ConfigException("server: no address in \"" + text + "\"");
    }
    return new ServerList(servers);
  }

  private static HostPort hostPort(String entry) {
    int colon = entry.lastIndexOf(':');
    if (colon <= 0 || colon == entry.length() - 1) {
      throw new ConfigException("server: \"" + entry + "\" is not host:port");
    }
    String host = entry.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      throw new ConfigException("server: write the IPv6 address of \"" + entry + "\" in brackets");
    }
    int port;
    try {
      port = Integer.parseInt(entry.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new ConfigException("server: \"" + entry + "\" has no port number", e);
    }
    if (host.isEmpty() || port < 1 || port > 65535) {
      throw new ConfigException("server: \"" + entry + "\" is not host:port");
    }
    return new HostPort(host, port);
  }

  @Override
  public String toString() {
    return String.join(",", servers.stream().map(HostPort::toString).toList());
  }
}
