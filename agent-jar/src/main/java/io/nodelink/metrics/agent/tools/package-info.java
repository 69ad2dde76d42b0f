/** Developer tools shipped in the agent jar: a gRPC sink for benchmarks and debugging. */
package io.nodelink.metrics.agent.tools;
