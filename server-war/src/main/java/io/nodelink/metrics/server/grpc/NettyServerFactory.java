package io.nodelink.metrics.server.grpc;

import io.grpc.InsecureServerCredentials;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.nodelink.metrics.server.config.ServerConfig;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Netty server builder the configuration asks for: address, TLS (when both {@code
 * nodelink.grpc.tls.cert} and {@code .key} are set; PEM, key in PKCS#8), keepalive, maximum inbound
 * message size, and the executor for calls.
 */
public final class NettyServerFactory {

  private static final Logger LOG = Logger.getLogger(NettyServerFactory.class.getName());

  private NettyServerFactory() {}

  /**
   * A builder for {@code config}, running calls on {@code executor}.
   *
   * @throws IllegalStateException if only one TLS file is set or a file cannot be read
   */
  public static NettyServerBuilder builder(ServerConfig config, Executor executor) {
    InetSocketAddress address =
        config.grpcHost().isEmpty()
            ? new InetSocketAddress(config.grpcPort())
            : new InetSocketAddress(config.grpcHost(), config.grpcPort());
    return NettyServerBuilder.forAddress(address, credentials(config))
        .executor(executor)
        .keepAliveTime(config.grpcKeepAliveTime().toMillis(), TimeUnit.MILLISECONDS)
        .keepAliveTimeout(config.grpcKeepAliveTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .permitKeepAliveTime(config.grpcPermitKeepAliveTime().toMillis(), TimeUnit.MILLISECONDS)
        .permitKeepAliveWithoutCalls(true)
        .maxInboundMessageSize(config.grpcMaxInboundMessageSize());
  }

  static ServerCredentials credentials(ServerConfig config) {
    Optional<String> cert = config.grpcTlsCert();
    Optional<String> key = config.grpcTlsKey();
    if (cert.isEmpty() && key.isEmpty()) {
      return InsecureServerCredentials.create();
    }
    if (cert.isEmpty() || key.isEmpty()) {
      throw new IllegalStateException(
          "TLS needs both " + ServerConfig.GRPC_TLS_CERT + " and " + ServerConfig.GRPC_TLS_KEY);
    }
    try {
      ServerCredentials tls =
          TlsServerCredentials.create(new File(cert.get()), new File(key.get()));
      LOG.log(Level.INFO, "gRPC uses TLS with certificate {0}", cert.get());
      return tls;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the gRPC TLS certificate or key", e);
    }
  }
}
