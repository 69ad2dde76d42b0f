/**
 * One collector per metric group behind {@link io.nodelink.metrics.agent.collect.Collector}, and
 * the registry that times them.
 */
package io.nodelink.metrics.agent.collect;
