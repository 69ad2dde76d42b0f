/** Agent authentication: the configured agent tokens and the gRPC interceptor that checks them. */
package io.nodelink.metrics.server.auth;
