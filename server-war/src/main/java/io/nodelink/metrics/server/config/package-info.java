/** Server configuration: every tunable, read once from MicroProfile Config with its default. */
package io.nodelink.metrics.server.config;
