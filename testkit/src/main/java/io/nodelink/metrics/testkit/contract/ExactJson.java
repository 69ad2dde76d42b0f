package io.nodelink.metrics.testkit.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON parsing for tests that must see what the wire carries: integers stay exact (no double
 * rounding), so a 64-bit counter that lost precision is visible; failures show what was parsed.
 */
public final class ExactJson {

  /** Parses integers as long/BigInteger and decimals exactly, so precision loss is visible. */
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private ExactJson() {}

  /** Parses {@code text} or throws an AssertionError naming {@code what}. */
  public static JsonNode parse(String text, String what) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + what + " (" + e.getOriginalMessage() + ")", e);
    }
  }

  /** Serialises a value (maps, lists, records) for request bodies. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
