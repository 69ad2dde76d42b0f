package io.nodelink.metrics.server.cluster;

import io.nodelink.metrics.server.agents.AgentRegistry;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * In a cluster, a request about an agent ({@code /agents/{id}/...}) that is connected to another
 * server goes to that server, which holds its live data, streams and tasks; the caller gets that
 * server's answer. Runs after access control, so this server has already checked the caller. Agents
 * connected here, offline agents and requests another server passed on are answered here.
 */
public class AgentRequestRouter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(AgentRequestRouter.class.getName());

  @Inject transient ClusterNode cluster;

  @Inject transient AgentRegistry agents;

  @Resource(lookup = "concurrent/nodelinkExecutor")
  transient ManagedExecutorService executor;

  private transient volatile PeerProxy proxy;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Optional<Peer> owner = owner(request);
    if (owner.isPresent()) {
      proxy().forward(request, response, owner.get());
    } else {
      chain.doFilter(request, response);
    }
  }

  private Optional<Peer> owner(HttpServletRequest request) {
    if (!cluster.enabled()
        || request.getHeader(PeerProxy.FORWARDED_BY) != null
        || "OPTIONS".equals(request.getMethod())) {
      return Optional.empty();
    }
    String agentId = agentId(request.getPathInfo());
    if (agentId == null || agents.channel(agentId).isPresent()) {
      return Optional.empty();
    }
    try {
      return cluster.ownerElsewhere(agentId);
    } catch (SQLException e) {
      LOG.log(Level.FINE, "Agent owner not readable; answering here", e);
      return Optional.empty();
    }
  }

  /** The first segment after {@code /agents}, or null. */
  static String agentId(String pathInfo) {
    if (pathInfo == null || pathInfo.length() < 2) {
      return null;
    }
    int end = pathInfo.indexOf('/', 1);
    return pathInfo.substring(1, end < 0 ? pathInfo.length() : end);
  }

  private PeerProxy proxy() {
    PeerProxy current = proxy;
    if (current == null) {
      ClusterSettings settings = cluster.settings();
      current = new PeerProxy(executor, settings.nodeId(), settings.requestTimeout());
      proxy = current;
    }
    return current;
  }
}
