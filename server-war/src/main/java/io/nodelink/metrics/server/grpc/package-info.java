/** The embedded gRPC server agents stream to: its lifecycle, the stream service and sessions. */
package io.nodelink.metrics.server.grpc;
