/** Readers and parsers for Linux procfs/sysfs text, with the roots as options for fixture trees. */
package io.nodelink.metrics.agent.procfs;
