package io.nodelink.metrics.testkit.sse;

import com.fasterxml.jackson.databind.JsonNode;
import io.nodelink.metrics.testkit.contract.ExactJson;

/**
 * One dispatched server-sent event.
 *
 * @param name the {@code event:} field ("message" when absent, as browsers do)
 * @param data the {@code data:} lines joined by '\n'
 * @param dataLines how many {@code data:} lines the event had
 */
public record SseEvent(String name, String data, int dataLines) {

  /** The data parsed as JSON. */
  public JsonNode json() {
    return ExactJson.parse(data, "SSE " + name + " event data");
  }
}
