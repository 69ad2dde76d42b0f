package io.nodelink.metrics.server.access;

import java.util.Locale;
import java.util.Optional;

/**
 * What a caller without credentials may do ({@code nodelink.http.anonymous-role}): nothing (the
 * default), read, or everything. Sites open read access on purpose, like Grafana's anonymous
 * viewer.
 */
public enum AnonymousRole {
  NONE,
  VIEWER,
  OPERATOR;

  /** The role an anonymous caller holds, if any. */
  public Optional<Role> role() {
    return switch (this) {
      case NONE -> Optional.empty();
      case VIEWER -> Optional.of(Role.VIEWER);
      case OPERATOR -> Optional.of(Role.OPERATOR);
    };
  }

  /** Parses {@code none}, {@code viewer} or {@code operator} (any case). */
  public static AnonymousRole parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "nodelink.http.anonymous-role must be none, viewer or operator, got '" + text + "'", e);
    }
  }
}
