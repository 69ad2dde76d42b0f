package io.nodelink.metrics.agent.collect;

import java.util.Locale;

/**
 * The operating system family the agent runs on, which decides the figures a host can measure and
 * where the agent looks for its configuration.
 */
public enum HostPlatform {
  LINUX,
  WINDOWS,
  MACOS,
  OTHER;

  /** The platform of this JVM. */
  public static HostPlatform current() {
    return of(System.getProperty("os.name", ""));
  }

  /** The platform of a JVM {@code os.name} ("Linux", "Windows Server 2022", "Mac OS X"). */
  public static HostPlatform of(String osName) {
    String n = osName.toLowerCase(Locale.ROOT);
    if (n.startsWith("linux")) {
      return LINUX;
    }
    if (n.startsWith("windows")) {
      return WINDOWS;
    }
    if (n.startsWith("mac") || n.startsWith("darwin")) {
      return MACOS;
    }
    return OTHER;
  }
}
