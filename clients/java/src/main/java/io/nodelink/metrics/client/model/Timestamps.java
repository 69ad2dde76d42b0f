package io.nodelink.metrics.client.model;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The API's RFC 3339 strings as instants; "" (never) and unparsable text read as empty. */
final class Timestamps {

  private Timestamps() {}

  static Optional<Instant> parse(String rfc3339) {
    if (rfc3339 == null || rfc3339.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(rfc3339));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
