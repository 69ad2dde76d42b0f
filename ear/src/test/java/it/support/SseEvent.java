package it.support;

import com.fasterxml.jackson.databind.JsonNode;

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
    return Json.parse(data, "SSE " + name + " event data");
  }
}
