package io.nodelink.metrics.server.access;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The audit trail of the API: every state-changing request, refused ones included, is logged once
 * on logger {@code io.nodelink.metrics.audit} (who, what, on which agent or task, with what result)
 * and counted in {@code nodelink.audit.actions{action,outcome}}. First in the filter chain, so it
 * sees the final status whichever filter or resource answered.
 */
public class AuditFilter extends HttpFilter {

  private static final long serialVersionUID = 1L;
  private static final Logger AUDIT = Logger.getLogger("io.nodelink.metrics.audit");
  private static final Metadata ACTIONS =
      Metadata.builder()
          .withName("nodelink.audit.actions")
          .withDescription(
              "State-changing API requests by action (metrics/start, metrics/stop, system/refresh,"
                  + " task/cancel, other) and outcome (done, refused, failed)")
          .build();

  @Inject transient MetricRegistry metrics;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (AccessPolicy.required(request.getMethod()) == Role.VIEWER) {
      chain.doFilter(request, response);
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      record(request, response.getStatus());
    }
  }

  private void record(HttpServletRequest request, int status) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    OperatorAction action = OperatorAction.of(request.getMethod(), path);
    String outcome = OperatorAction.outcome(status);
    String principal = request.getRemoteUser() == null ? "anonymous" : request.getRemoteUser();
    AUDIT.log(
        Level.INFO,
        "audit: principal={0} action={1} target={2} result={3} status={4} from={5}",
        new Object[] {
          principal, action.action(), action.target(), outcome, status, request.getRemoteAddr()
        });
    metrics.counter(ACTIONS, new Tag("action", action.action()), new Tag("outcome", outcome)).inc();
  }
}
