/** System information (hardware, software, interfaces) for system_info requests. */
package io.nodelink.metrics.agent.sysinfo;
