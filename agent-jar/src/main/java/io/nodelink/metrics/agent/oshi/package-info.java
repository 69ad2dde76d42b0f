/**
 * The OSHI path of the memory, disk, network and process collectors: what the agent reports on
 * Windows, macOS and wherever {@code /proc} is missing, and on Linux with {@code collectors=oshi},
 * where it is OSHI's native-free flavour ({@link io.nodelink.metrics.agent.oshi.OshiSystem}).
 */
package io.nodelink.metrics.agent.oshi;
