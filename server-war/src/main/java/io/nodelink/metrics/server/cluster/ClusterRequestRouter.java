package io.nodelink.metrics.server.cluster;

import io.nodelink.metrics.server.agents.AgentRegistry;
import io.nodelink.metrics.server.tasks.TaskRegistry;
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
 * server goes to that server, which holds its live data, streams and tasks; a request about a task
 * ({@code /tasks/{id}}) this server does not hold goes to the server that does. The caller gets
 * that server's answer. Runs after access control, so this server has already checked the caller.
 * Agents connected here, offline agents, tasks held here or unknown, and requests another server
 * passed on are answered here.
 */
public class ClusterRequestRouter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = Logger.getLogger(ClusterRequestRouter.class.getName());

  @Inject transient ClusterNode cluster;

  @Inject transient AgentRegistry agents;

  @Inject transient TaskRegistry tasks;

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
    String id = firstSegment(request.getPathInfo());
    if (id == null) {
      return Optional.empty();
    }
    try {
      return "/tasks".equals(request.getServletPath()) ? taskHolder(id) : agentOwner(id);
    } catch (SQLException e) {
      LOG.log(Level.FINE, "Owner not readable; answering here", e);
      return Optional.empty();
    }
  }

  private Optional<Peer> agentOwner(String agentId) throws SQLException {
    return agents.channel(agentId).isPresent() ? Optional.empty() : cluster.ownerElsewhere(agentId);
  }

  private Optional<Peer> taskHolder(String taskId) throws SQLException {
    if (tasks.find(taskId).isPresent()) {
      return Optional.empty();
    }
    return tasks.holderOf(taskId).flatMap(cluster::livePeer);
  }

  /** The first segment after {@code /agents} or {@code /tasks}, or null. */
  static String firstSegment(String pathInfo) {
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
