/** Agent configuration: properties file, then NODELINK_* environment, then command-line flags. */
package io.nodelink.metrics.agent.config;
