package io.nodelink.metrics.server.api;

import jakarta.ws.rs.core.Application;

/**
 * The REST API. It has no {@code @ApplicationPath}: {@code WEB-INF/web.xml} maps it to the API's
 * own path prefixes ({@code /metrics/*}, {@code /agents/*}, {@code /tasks/*}, {@code /alerts/*}),
 * so that the web container's default servlet serves the dashboard's files. Resource paths stay
 * absolute from the context root.
 */
public class NodeLinkApplication extends Application {}
