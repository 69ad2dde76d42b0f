/** Test helpers: a scriptable fake agent speaking the real gRPC protocol. */
package io.nodelink.metrics.server.testing;
