package io.nodelink.metrics.server.auth;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.net.SocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Checks the {@code agent_id}/{@code agent_token} call metadata before any message flows. A missing
 * or wrong pair closes the call with {@code UNAUTHENTICATED}, an id outside {@link
 * AgentIdentity#AGENT_ID_RULE} with {@code INVALID_ARGUMENT}; an accepted call carries the agent id
 * on in {@link AgentIdentity#AGENT_ID}. Tokens are never logged.
 */
public final class AgentAuthInterceptor implements ServerInterceptor {

  private static final Logger LOG = Logger.getLogger(AgentAuthInterceptor.class.getName());

  private final Supplier<AgentTokens> tokens;
  private final Consumer<SocketAddress> onAuthenticated;
  private final boolean certificateNamesAgent;

  /** Takes a supplier so the tokens can be loaded after the interceptor is built. */
  public AgentAuthInterceptor(Supplier<AgentTokens> tokens) {
    this(tokens, remote -> {}, false);
  }

  /**
   * As above, telling {@code onAuthenticated} the remote address of each connection a call
   * authenticated on (the transport stops counting it as unauthenticated).
   */
  public AgentAuthInterceptor(
      Supplier<AgentTokens> tokens, Consumer<SocketAddress> onAuthenticated) {
    this(tokens, onAuthenticated, false);
  }

  /**
   * As above; with {@code certificateNamesAgent} (mutual TLS on) the call's client certificate must
   * also name the agent id (CN or DNS subject alternative name, {@link CertificateIdentity}).
   */
  public AgentAuthInterceptor(
      Supplier<AgentTokens> tokens,
      Consumer<SocketAddress> onAuthenticated,
      boolean certificateNamesAgent) {
    this.tokens = tokens;
    this.onAuthenticated = onAuthenticated;
    this.certificateNamesAgent = certificateNamesAgent;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String agentId = headers.get(AgentIdentity.AGENT_ID_HEADER);
    String token = headers.get(AgentIdentity.AGENT_TOKEN_HEADER);
    if (agentId == null || agentId.isEmpty() || token == null) {
      return reject(call, "missing agent_id/agent_token metadata", agentId);
    }
    if (!AgentIdentity.isWellFormed(agentId)) {
      return refuse(
          call,
          Status.INVALID_ARGUMENT,
          "agent_id must match " + AgentIdentity.AGENT_ID_RULE,
          agentId);
    }
    AgentTokens current = tokens.get();
    if (current.isEmpty()) {
      LOG.log(
          Level.WARNING,
          "Rejected agent {0}: no agent tokens configured (set nodelink.auth.tokens)",
          agentId);
      return reject(call, "invalid agent credentials", agentId);
    }
    if (!current.accepts(agentId, token)) {
      return reject(call, "invalid agent credentials", agentId);
    }
    if (certificateNamesAgent && !certificateNames(call, agentId)) {
      return reject(call, "the client certificate does not name this agent id", agentId);
    }
    LOG.log(Level.FINE, "Authenticated agent {0}", agentId);
    SocketAddress remote = call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR);
    if (remote != null) {
      onAuthenticated.accept(remote);
    }
    Context context =
        Context.current()
            .withValues(
                AgentIdentity.AGENT_ID,
                agentId,
                AgentIdentity.HOSTNAME,
                AgentIdentity.hostPart(headers.get(AgentIdentity.AGENT_HOSTNAME_HEADER)),
                AgentIdentity.MACHINE_ID,
                AgentIdentity.hostPart(headers.get(AgentIdentity.AGENT_MACHINE_ID_HEADER)));
    return Contexts.interceptCall(context, call, headers, next);
  }

  private static boolean certificateNames(ServerCall<?, ?> call, String agentId) {
    SSLSession session = call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION);
    if (session == null) {
      return false;
    }
    try {
      Certificate[] chain = session.getPeerCertificates();
      return chain.length > 0
          && chain[0] instanceof X509Certificate leaf
          && CertificateIdentity.names(leaf, agentId);
    } catch (SSLPeerUnverifiedException e) {
      return false;
    }
  }

  private static <Q, R> ServerCall.Listener<Q> reject(
      ServerCall<Q, R> call, String reason, String agentId) {
    return refuse(call, Status.UNAUTHENTICATED, reason, agentId);
  }

  private static <Q, R> ServerCall.Listener<Q> refuse(
      ServerCall<Q, R> call, Status status, String reason, String agentId) {
    // The id is not validated yet on every path here: log it escaped and cut.
    LOG.log(
        Level.INFO,
        "Rejected gRPC call from agent {0}: {1}",
        new Object[] {AgentIdentity.forLog(agentId), reason});
    call.close(status.withDescription(reason), new Metadata());
    return new ServerCall.Listener<>() {};
  }
}
