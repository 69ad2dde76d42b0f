package io.nodelink.metrics.server.api.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * A query string with broken percent-encoding ({@code ?max_points=%%}, {@code ?end=%}) is the
 * client's mistake: answered 400 JSON naming the parameter before any resource decodes it. Left to
 * the JAX-RS runtime, the failure surfaced as a bare "bad request" (or, for some inputs, a 500)
 * that said nothing about which part of the request was wrong.
 */
@Provider
@PreMatching
public class MalformedQueryFilter implements ContainerRequestFilter {

  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    // The servlet request gives the query string exactly as sent, before any decoding.
    QueryStrings.malformedPercentEncoding(servletRequest.getQueryString())
        .ifPresent(message -> request.abortWith(ErrorResponses.of(400, message)));
  }
}
