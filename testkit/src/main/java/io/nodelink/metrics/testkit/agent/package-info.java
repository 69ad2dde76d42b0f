/**
 * A scriptable test agent: a real gRPC client of {@code pb.AgentService} whose behaviour tests
 * choose.
 */
package io.nodelink.metrics.testkit.agent;
