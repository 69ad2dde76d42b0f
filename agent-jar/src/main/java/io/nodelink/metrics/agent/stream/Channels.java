package io.nodelink.metrics.agent.stream;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.TlsChannelCredentials;
import io.nodelink.metrics.agent.config.AgentConfig;
import io.nodelink.metrics.agent.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.TrustManagerFactory;

/** Builds the channel to the server: plaintext or TLS (JVM trust, a CA file or a trust store). */
public final class Channels {
  private Channels() {}

  /**
   * A channel for the configured server with keepalive; callbacks run inline (they only enqueue). A
   * list of servers ({@link ServerList}) connects to the first that answers and fails over in
   * order.
   */
  // nameResolverFactory is deprecated in favour of the process-wide registry; a per-channel
  // factory keeps each channel's server list its own (the simulator makes several channels).
  @SuppressWarnings("deprecation")
  public static ManagedChannel forConfig(AgentConfig config) {
    boolean oneAuthority = config.tlsAuthority() != null && !config.tlsAuthority().isBlank();
    ManagedChannelBuilder<?> b;
    if (ServerList.isList(config.server())) {
      ServerList servers = ServerList.parse(config.server());
      b =
          Grpc.newChannelBuilder(ServerListResolver.target(), credentials(config))
              .nameResolverFactory(ServerListResolver.provider(servers, !oneAuthority))
              .defaultLoadBalancingPolicy("pick_first");
    } else {
      b = Grpc.newChannelBuilder(config.server(), credentials(config));
    }
    if (oneAuthority) {
      b.overrideAuthority(config.tlsAuthority());
    }
    return b.keepAliveTime(config.keepaliveSeconds(), TimeUnit.SECONDS)
        .keepAliveTimeout(10, TimeUnit.SECONDS)
        .directExecutor()
        .maxInboundMessageSize(4 * 1024 * 1024)
        .userAgent("nodelink-agent")
        .build();
  }

  static ChannelCredentials credentials(AgentConfig config) {
    if (!config.tls()) {
      return InsecureChannelCredentials.create();
    }
    TlsChannelCredentials.Builder tls = TlsChannelCredentials.newBuilder();
    try {
      if (config.tlsCertFile() != null && config.tlsKeyFile() != null) {
        // Mutual TLS: the server checks that this certificate names the agent id.
        tls.keyManager(config.tlsCertFile().toFile(), config.tlsKeyFile().toFile());
      }
      if (config.caFile() != null) {
        tls.trustManager(config.caFile().toFile());
      } else if (config.trustStore() != null) {
        KeyStore ks = KeyStore.getInstance(config.trustStoreType());
        char[] password =
            config.trustStorePassword() == null ? null : config.trustStorePassword().toCharArray();
        try (InputStream in = Files.newInputStream(config.trustStore())) {
          ks.load(in, password);
        }
        TrustManagerFactory tmf =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        tls.trustManager(tmf.getTrustManagers());
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new ConfigException("cannot load TLS trust material: " + e.getMessage(), e);
    }
    return tls.build();
  }
}
