package io.nodelink.metrics.agent.stream;

import io.grpc.Attributes;
import io.grpc.EquivalentAddressGroup;
import io.grpc.NameResolver;
import io.grpc.NameResolverProvider;
import io.grpc.Status;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * gRPC name resolution for a {@link ServerList}: every server, in the order given, as its own
 * address group, so gRPC's {@code pick_first} policy connects to the first one that answers and,
 * once that connection is lost, tries them in order again. Failover is gRPC's own; this only says
 * where the servers are. Host names are looked up again each time gRPC asks (after a failure).
 */
final class ServerListResolver extends NameResolver {

  /** The scheme of the channel target, which only names the list this provider was made with. */
  static final String SCHEME = "nodelink-servers";

  private final ServerList servers;
  private final boolean authorityPerServer;
  private Listener2 listener;

  private ServerListResolver(ServerList servers, boolean authorityPerServer) {
    this.servers = servers;
    this.authorityPerServer = authorityPerServer;
  }

  /**
   * A provider for one channel: {@code nameResolverFactory} of that channel's builder.
   *
   * @param authorityPerServer TLS checks each server's certificate against that server's own name
   *     (false when the configuration names one authority for all)
   */
  static NameResolverProvider provider(ServerList servers, boolean authorityPerServer) {
    return new NameResolverProvider() {
      @Override
      public NameResolver newNameResolver(URI target, NameResolver.Args args) {
        return SCHEME.equals(target.getScheme())
            ? new ServerListResolver(servers, authorityPerServer)
            : null;
      }

      @Override
      public String getDefaultScheme() {
        return SCHEME;
      }

      @Override
      protected boolean isAvailable() {
        return true;
      }

      @Override
      protected int priority() {
        return 5;
      }
    };
  }

  /** The channel target that selects this resolver. */
  static String target() {
    return SCHEME + ":///servers";
  }

  /** TLS checks the first server's name unless each address says its own (below). */
  @Override
  public String getServiceAuthority() {
    return servers.servers().get(0).host();
  }

  @Override
  public void start(Listener2 listener) {
    this.listener = listener;
    resolve();
  }

  @Override
  public void refresh() {
    resolve();
  }

  private void resolve() {
    List<EquivalentAddressGroup> groups = new ArrayList<>();
    for (ServerList.HostPort server : servers.servers()) {
      InetSocketAddress address = new InetSocketAddress(server.host(), server.port());
      if (address.isUnresolved()) {
        continue; // a name that does not resolve now may later; the others are tried meanwhile
      }
      // Each server's certificate is checked against its own name, as with a single server.
      Attributes attributes =
          authorityPerServer
              ? Attributes.newBuilder()
                  .set(EquivalentAddressGroup.ATTR_AUTHORITY_OVERRIDE, server.host())
                  .build()
              : Attributes.EMPTY;
      groups.add(new EquivalentAddressGroup(address, attributes));
    }
    if (groups.isEmpty()) {
      listener.onError(
          Status.UNAVAILABLE.withDescription(
              "no server of " + servers + " resolves to an address"));
      return;
    }
    listener.onResult(ResolutionResult.newBuilder().setAddresses(groups).build());
  }

  @Override
  public void shutdown() {
    // nothing held
  }
}
