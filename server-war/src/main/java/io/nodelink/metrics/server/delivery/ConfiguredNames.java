package io.nodelink.metrics.server.delivery;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of configured destinations among configuration property names, in either spelling:
 * MicroProfile Config's ({@code nodelink.remote-write.<name>.url}) or an environment variable's
 * ({@code NODELINK_REMOTE_WRITE_<NAME>_URL}); names are lower case.
 */
public final class ConfiguredNames {

  private ConfiguredNames() {}

  /**
   * @param configKey matches a property's config spelling, the name as group 1
   * @param envKey matches its environment spelling, the name as group 1
   */
  public static Set<String> among(
      Iterable<String> propertyNames, Pattern configKey, Pattern envKey) {
    Set<String> names = new TreeSet<>();
    for (String property : propertyNames) {
      Matcher config = configKey.matcher(property);
      Matcher env = envKey.matcher(property);
      if (config.matches()) {
        names.add(config.group(1).toLowerCase(Locale.ROOT));
      } else if (env.matches()) {
        names.add(env.group(1).toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }
}
