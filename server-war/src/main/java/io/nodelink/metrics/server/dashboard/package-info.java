/** The web dashboard: serves its static pages, scripts and WebJar libraries from the WAR. */
package io.nodelink.metrics.server.dashboard;
