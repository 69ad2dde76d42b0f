package it.server.durable;

/** The measured figures of these tests, printed where the build log keeps them. */
final class Figures {

  private Figures() {}

  static void print(String test, String figure) {
    System.out.println("[durable] " + test + ": " + figure);
  }
}
