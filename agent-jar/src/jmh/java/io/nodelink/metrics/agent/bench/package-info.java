/** JMH benchmarks of the agent's snapshot cost (profile {@code bench}). */
package io.nodelink.metrics.agent.bench;
