/**
 * The one test kit of NodeLink Metrics: everything tests need to speak the wire contract from the
 * other side. {@code agent}: a scriptable test agent; {@code server}: a fake agent server (also the
 * benchmark sink); {@code sse}: an SSE test client; {@code protocol}: commands and sample payloads;
 * {@code contract}: the contract's series names and JSON shapes.
 */
package io.nodelink.metrics.testkit;
