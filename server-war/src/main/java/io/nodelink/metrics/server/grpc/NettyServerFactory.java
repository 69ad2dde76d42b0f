package io.nodelink.metrics.server.grpc;

import io.grpc.InsecureServerCredentials;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import io.nodelink.metrics.server.auth.FilePermissions;
import io.nodelink.metrics.server.config.ServerConfig;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Netty server builder the configuration asks for: address, TLS (when both {@code
 * nodelink.grpc.tls.cert} and {@code .key} are set; PEM, key in PKCS#8), keepalive, maximum inbound
 * message size, the limits that keep idle or greedy connections from piling up (idle time, age,
 * calls per connection), and the executor for calls.
 */
public final class NettyServerFactory {

  private static final Logger LOG = Logger.getLogger(NettyServerFactory.class.getName());

  private NettyServerFactory() {}

  /**
   * A builder for {@code config}, running calls on {@code executor} and I/O on {@code loops}.
   *
   * @throws IllegalStateException if only one TLS file is set or a file cannot be read
   */
  static NettyServerBuilder builder(ServerConfig config, Executor executor, EventLoops loops) {
    return builder(config, executor, loops, UnauthenticatedConnections.unlimited());
  }

  /**
   * As above, closing connections beyond {@code unauthenticated}'s cap per source as they are
   * accepted.
   */
  static NettyServerBuilder builder(
      ServerConfig config,
      Executor executor,
      EventLoops loops,
      UnauthenticatedConnections unauthenticated) {
    InetSocketAddress address =
        config.grpcHost().isEmpty()
            ? new InetSocketAddress(config.grpcPort())
            : new InetSocketAddress(config.grpcHost(), config.grpcPort());
    NettyServerBuilder builder =
        NettyServerBuilder.forAddress(address, credentials(config)).executor(executor);
    return limits(builder, config)
        .bossEventLoopGroup(loops.boss())
        .workerEventLoopGroup(loops.workers())
        .channelFactory(
            unauthenticated.isLimited()
                ? () -> new GuardedServerSocketChannel(unauthenticated)
                : NioServerSocketChannel::new)
        .keepAliveTime(config.grpcKeepAliveTime().toMillis(), TimeUnit.MILLISECONDS)
        .keepAliveTimeout(config.grpcKeepAliveTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .permitKeepAliveTime(config.grpcPermitKeepAliveTime().toMillis(), TimeUnit.MILLISECONDS)
        .permitKeepAliveWithoutCalls(true)
        .maxInboundMessageSize(config.grpcMaxInboundMessageSize());
  }

  /**
   * The connection limits. gRPC counts a connection idle only while it has no call open, so the
   * idle limit closes connections that never opened a stream (such as unauthenticated ones) and
   * never an agent's: its one stream stays open for as long as it is connected.
   */
  private static NettyServerBuilder limits(NettyServerBuilder builder, ServerConfig config) {
    builder.maxConcurrentCallsPerConnection(config.grpcMaxCallsPerConnection());
    if (!config.grpcMaxConnectionIdle().isZero()) {
      builder.maxConnectionIdle(config.grpcMaxConnectionIdle().toMillis(), TimeUnit.MILLISECONDS);
    }
    if (!config.grpcMaxConnectionAge().isZero()) {
      builder.maxConnectionAge(config.grpcMaxConnectionAge().toMillis(), TimeUnit.MILLISECONDS);
    }
    if (!config.grpcMaxConnectionAgeGrace().isZero()) {
      builder.maxConnectionAgeGrace(
          config.grpcMaxConnectionAgeGrace().toMillis(), TimeUnit.MILLISECONDS);
    }
    return builder;
  }

  static ServerCredentials credentials(ServerConfig config) {
    Optional<String> cert = config.grpcTlsCert();
    Optional<String> key = config.grpcTlsKey();
    if (cert.isEmpty() && key.isEmpty()) {
      if (config.grpcTlsClientCa().isPresent()) {
        throw new IllegalStateException(
            ServerConfig.GRPC_TLS_CLIENT_CA + " needs the server's own certificate and key too");
      }
      return InsecureServerCredentials.create();
    }
    if (cert.isEmpty() || key.isEmpty()) {
      throw new IllegalStateException(
          "TLS needs both " + ServerConfig.GRPC_TLS_CERT + " and " + ServerConfig.GRPC_TLS_KEY);
    }
    FilePermissions.warnIfWorldReadable(Path.of(key.get()), "gRPC TLS private key");
    try {
      TlsServerCredentials.Builder tls =
          TlsServerCredentials.newBuilder().keyManager(new File(cert.get()), new File(key.get()));
      Optional<String> clientCa = config.grpcTlsClientCa();
      if (clientCa.isPresent()) {
        // Mutual TLS: no handshake without a certificate from these CAs; which agent id the
        // certificate allows is checked per call (AgentAuthInterceptor).
        tls.trustManager(new File(clientCa.get()))
            .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE);
        LOG.log(
            Level.INFO,
            "gRPC uses mutual TLS with certificate {0}, client CAs {1}",
            new Object[] {cert.get(), clientCa.get()});
      } else {
        LOG.log(Level.INFO, "gRPC uses TLS with certificate {0}", cert.get());
      }
      return tls.build();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the gRPC TLS certificate or key", e);
    }
  }
}
