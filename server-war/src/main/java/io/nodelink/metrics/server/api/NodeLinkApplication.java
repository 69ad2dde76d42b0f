package io.nodelink.metrics.server.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API, served at the context root of the API port. */
@ApplicationPath("/")
public class NodeLinkApplication extends Application {}
