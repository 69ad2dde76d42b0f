/** The load simulator: many protocol-faithful agents with plausible random-walk data. */
package io.nodelink.metrics.agent.sim;
