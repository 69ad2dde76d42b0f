/** A Server-Sent Events client for tests, and the events it records. */
package io.nodelink.metrics.testkit.sse;
