package io.nodelink.metrics.agent;

import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/** java.util.logging on stderr, one line per record; libraries' chatter kept at WARNING. */
final class Logging {
  private Logging() {}

  static void configure(String levelName) {
    Level level;
    try {
      level = Level.parse(levelName.toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      level = Level.INFO;
    }
    Logger root = Logger.getLogger("");
    for (Handler h : root.getHandlers()) {
      root.removeHandler(h);
    }
    ConsoleHandler handler = new ConsoleHandler();
    handler.setFormatter(new OneLineFormatter());
    handler.setLevel(Level.ALL);
    root.addHandler(handler);
    root.setLevel(Level.WARNING);
    Logger.getLogger("io.nodelink").setLevel(level);
    Logger.getLogger("oshi").setLevel(Level.SEVERE);
  }

  static void flush() {
    for (Handler h : Logger.getLogger("").getHandlers()) {
      h.flush();
    }
  }
}
