/** The NodeLink agent: command line, wiring of collectors, connection and simulator. */
package io.nodelink.metrics.agent;
