package io.nodelink.metrics.agent.collect;

import java.util.regex.Pattern;

/**
 * Include/exclude regular expressions (full match) for devices, mount points and interfaces. An
 * empty include accepts everything not excluded.
 */
public final class NameFilter {
  private final Pattern include;
  private final Pattern exclude;

  /** Builds a filter; blank strings mean "no pattern". */
  public NameFilter(String include, String exclude) {
    this.include = compile(include);
    this.exclude = compile(exclude);
  }

  /** Accepts everything. */
  public static NameFilter acceptAll() {
    return new NameFilter("", "");
  }

  /** True when any of the names is included and none of them is excluded. */
  public boolean accepts(String... names) {
    boolean included = include == null;
    for (String name : names) {
      if (name == null) {
        continue;
      }
      if (exclude != null && exclude.matcher(name).matches()) {
        return false;
      }
      if (include != null && include.matcher(name).matches()) {
        included = true;
      }
    }
    return included;
  }

  private static Pattern compile(String regex) {
    return regex == null || regex.isBlank() ? null : Pattern.compile(regex.trim());
  }
}
