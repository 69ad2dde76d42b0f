package it.server.durable;

import java.time.Duration;

/** The measured figures of these tests, printed where the build log keeps them. */
final class Figures {

  private Figures() {}

  static void print(String what, String figure) {
    System.out.println("[durable] " + what + ": " + figure);
  }

  static String seconds(Duration duration) {
    return String.format("%.1f s", duration.toMillis() / 1000.0);
  }
}
