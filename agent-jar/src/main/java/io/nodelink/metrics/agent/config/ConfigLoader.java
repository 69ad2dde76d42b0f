package io.nodelink.metrics.agent.config;

import io.nodelink.metrics.agent.collect.HostPlatform;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Merges the configuration layers in the order enterprise config tooling expects: the properties
 * file, then {@code NODELINK_*} environment variables, then command-line flags; a later layer wins
 * key by key. A layer that sets the token file drops a token from lower layers and vice versa, so
 * {@code --token-file} on the command line beats {@code agent.token} in the file.
 */
public final class ConfigLoader {

  /**
   * The default properties file on Linux; a missing default is fine, a missing explicit one is not.
   */
  public static final Path DEFAULT_FILE = Path.of("/etc/nodelink/agent.properties");

  private static final Pattern TRACK_ENV =
      Pattern.compile("NODELINK_TRACK_(.+)_(NAME|CMDLINE|PIDFILE)");

  private ConfigLoader() {}

  /**
   * Loads the merged configuration.
   *
   * @param file the properties file, or null for this platform's {@link #defaultFile}
   * @param env the environment (normally {@code System.getenv()})
   * @param flags keys set on the command line
   */
  public static AgentConfig load(Path file, Map<String, String> env, Map<String, String> flags) {
    Map<String, String> merged = new LinkedHashMap<>();
    overlay(merged, readFile(file));
    overlay(merged, fromEnv(env));
    overlay(merged, flags);
    return AgentConfig.from(merged);
  }

  static Map<String, String> readFile(Path file) {
    Path path = file == null ? defaultFile(HostPlatform.current(), System.getenv()) : file;
    if (!Files.exists(path)) {
      if (file == null) {
        return Map.of();
      }
      throw new ConfigException("config file not found: " + path);
    }
    Properties props = new Properties();
    try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      props.load(r);
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + path + ": " + e.getMessage(), e);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String key : props.stringPropertyNames()) {
      values.put(key.trim(), props.getProperty(key).trim());
    }
    return values;
  }

  /**
   * Where the agent looks for its configuration when none is given: {@code
   * %ProgramData%\NodeLink\agent.properties} on Windows, {@code /Library/Application
   * Support/NodeLink/agent.properties} on macOS, {@link #DEFAULT_FILE} elsewhere.
   */
  public static Path defaultFile(HostPlatform platform, Map<String, String> env) {
    return switch (platform) {
      case WINDOWS ->
          Path.of(
              env.getOrDefault("ProgramData", "C:\\ProgramData"), "NodeLink", "agent.properties");
      case MACOS -> Path.of("/Library/Application Support/NodeLink/agent.properties");
      case LINUX, OTHER -> DEFAULT_FILE;
    };
  }

  /** The environment's view of the known keys, plus tracked-process rules. */
  static Map<String, String> fromEnv(Map<String, String> env) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String key : AgentConfig.KEYS) {
      String v = env.get(envName(key));
      if (v != null) {
        values.put(key, v.trim());
      }
    }
    for (Map.Entry<String, String> e : env.entrySet()) {
      Matcher m = TRACK_ENV.matcher(e.getKey());
      if (m.matches()) {
        String rule = m.group(1).toLowerCase(Locale.ROOT).replace('_', '-');
        values.put("track." + rule + "." + m.group(2).toLowerCase(Locale.ROOT), e.getValue());
      }
    }
    return values;
  }

  /** {@code agent.token-file} → {@code NODELINK_AGENT_TOKEN_FILE}. */
  public static String envName(String key) {
    return "NODELINK_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private static void overlay(Map<String, String> merged, Map<String, String> layer) {
    if (layer.containsKey(AgentConfig.TOKEN_FILE)) {
      merged.remove(AgentConfig.TOKEN);
    }
    if (layer.containsKey(AgentConfig.TOKEN)) {
      merged.remove(AgentConfig.TOKEN_FILE);
    }
    merged.putAll(layer);
  }
}
