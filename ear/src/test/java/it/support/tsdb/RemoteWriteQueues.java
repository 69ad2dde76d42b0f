package it.support.tsdb;

import it.support.Api;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The build server's remote-write destinations ({@code itprom}, {@code itvm}) as its admin port's
 * {@code /metrics} shows them.
 */
public final class RemoteWriteQueues {

  /** Both destinations the build's server writes to (ear/pom.xml). */
  public static final String[] DESTINATIONS = {"itprom", "itvm"};

  private RemoteWriteQueues() {}

  /** Samples queued for {@code destination}. */
  public static double queued(String destination) {
    return value("nodelink_remote_write_queue_samples", destination);
  }

  /** True when no destination holds a sample. */
  public static boolean allEmpty() {
    for (String destination : DESTINATIONS) {
      if (queued(destination) != 0) {
        return false;
      }
    }
    return true;
  }

  /** A metric of one destination. */
  public static double value(String name, String destination) {
    String text = Api.admin("/metrics?scope=application").body();
    Matcher m =
        Pattern.compile(
                "(?m)^"
                    + name
                    + "\\{[^}]*destination=\""
                    + destination
                    + "\"[^}]*\\} ([-+.eE0-9NaInf]+)$")
            .matcher(text);
    if (!m.find()) {
      throw new AssertionError(name + " of " + destination + " not in /metrics:\n" + text);
    }
    return Double.parseDouble(m.group(1));
  }
}
