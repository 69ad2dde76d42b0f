package io.nodelink.metrics.agent.config;

import io.nodelink.metrics.agent.collect.CollectorMode;
import io.nodelink.metrics.agent.collect.Filesystems;
import io.nodelink.metrics.agent.collect.TrackRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The agent's settings after merging file, environment and flags. Property keys are listed in
 * {@link #KEYS}; each has the environment variable {@code NODELINK_} + key in upper case with dots
 * and dashes as underscores.
 *
 * @param server gRPC target, {@code host:port}
 * @param agentId id presented in the {@code agent_id} metadata
 * @param agentToken token presented in the {@code agent_token} metadata (never logged)
 * @param tls whether to use TLS
 * @param caFile PEM file of trusted CAs, or null for the JVM's trust store
 * @param trustStore key store file of trusted certificates, or null
 * @param trustStorePassword its password, or null
 * @param trustStoreType its type (PKCS12, JKS)
 * @param tlsAuthority the name to verify in the server certificate, or null for the host
 * @param tlsCertFile PEM certificate (chain) of this agent for mutual TLS, or null
 * @param tlsKeyFile PEM PKCS#8 private key of that certificate, or null
 * @param keepaliveSeconds HTTP/2 keepalive ping period
 * @param reconnectInitialSeconds first reconnect delay
 * @param reconnectMaxSeconds reconnect delay cap
 * @param bufferMaxSeconds how far back snapshots taken while disconnected are kept (0 = none)
 * @param bufferMaxBytes how many bytes of such snapshots are kept (0 = none)
 * @param procRoot procfs root
 * @param sysRoot sysfs root
 * @param rootfs root filesystem (for /etc/os-release and package databases)
 * @param collectors how memory, disk, network and processes are read: procfs, OSHI or per collector
 * @param diskInclude regex on mount point or device; empty = all
 * @param diskExclude regex on mount point or device
 * @param diskMountExclude regex of mount points always left out (kernel and runtime trees)
 * @param diskFsTypesExclude filesystem types left out
 * @param mountRefreshSeconds how often the mount table is re-read
 * @param networkInclude regex on interface names; empty = all
 * @param networkExclude regex on interface names
 * @param processScanSeconds minimum time between full process walks (state counts, rule matching)
 * @param trackRules tracked-process rules
 * @param simulate number of simulated agents (0 = a real agent)
 * @param simulateChannels channels the simulated agents share
 * @param logLevel java.util.logging level name
 */
public record AgentConfig(
    String server,
    String agentId,
    String agentToken,
    boolean tls,
    Path caFile,
    Path trustStore,
    String trustStorePassword,
    String trustStoreType,
    String tlsAuthority,
    Path tlsCertFile,
    Path tlsKeyFile,
    int keepaliveSeconds,
    int reconnectInitialSeconds,
    int reconnectMaxSeconds,
    int bufferMaxSeconds,
    int bufferMaxBytes,
    Path procRoot,
    Path sysRoot,
    Path rootfs,
    CollectorMode collectors,
    String diskInclude,
    String diskExclude,
    String diskMountExclude,
    Set<String> diskFsTypesExclude,
    int mountRefreshSeconds,
    String networkInclude,
    String networkExclude,
    int processScanSeconds,
    List<TrackRule> trackRules,
    int simulate,
    int simulateChannels,
    String logLevel) {

  public static final String SERVER = "server";
  public static final String AGENT_ID = "agent.id";
  public static final String TOKEN = "agent.token";
  public static final String TOKEN_FILE = "agent.token-file";
  public static final String TLS = "tls";
  public static final String TLS_CA_FILE = "tls.ca-file";
  public static final String TLS_TRUST_STORE = "tls.trust-store";
  public static final String TLS_TRUST_STORE_PASSWORD = "tls.trust-store-password";
  public static final String TLS_TRUST_STORE_TYPE = "tls.trust-store-type";
  public static final String TLS_AUTHORITY = "tls.authority";
  public static final String TLS_CERT_FILE = "tls.cert-file";
  public static final String TLS_KEY_FILE = "tls.key-file";
  public static final String KEEPALIVE = "keepalive.seconds";
  public static final String RECONNECT_INITIAL = "reconnect.initial-seconds";
  public static final String RECONNECT_MAX = "reconnect.max-seconds";
  public static final String BUFFER_MAX_SECONDS = "buffer.max-seconds";
  public static final String BUFFER_MAX_BYTES = "buffer.max-bytes";
  public static final String PROCFS = "procfs.root";
  public static final String SYSFS = "sysfs.root";
  public static final String ROOTFS = "rootfs";
  public static final String COLLECTORS = "collectors";
  public static final String DISK_INCLUDE = "disk.include";
  public static final String DISK_EXCLUDE = "disk.exclude";
  public static final String DISK_MOUNT_EXCLUDE = "disk.mount-exclude";
  public static final String DISK_FS_TYPES_EXCLUDE = "disk.fs-types-exclude";
  public static final String DISK_MOUNT_REFRESH = "disk.mount-refresh-seconds";
  public static final String NETWORK_INCLUDE = "network.include";
  public static final String NETWORK_EXCLUDE = "network.exclude";
  public static final String PROCESS_SCAN = "processes.scan-seconds";
  public static final String SIMULATE = "simulate";
  public static final String SIMULATE_CHANNELS = "simulate.channels";
  public static final String LOG_LEVEL = "log.level";

  /** Every plain key (tracked-process rules are {@code track.<name>.name|cmdline|pidfile}). */
  public static final List<String> KEYS =
      List.of(
          SERVER,
          AGENT_ID,
          TOKEN,
          TOKEN_FILE,
          TLS,
          TLS_CA_FILE,
          TLS_TRUST_STORE,
          TLS_TRUST_STORE_PASSWORD,
          TLS_TRUST_STORE_TYPE,
          TLS_AUTHORITY,
          TLS_CERT_FILE,
          TLS_KEY_FILE,
          KEEPALIVE,
          RECONNECT_INITIAL,
          RECONNECT_MAX,
          BUFFER_MAX_SECONDS,
          BUFFER_MAX_BYTES,
          PROCFS,
          SYSFS,
          ROOTFS,
          COLLECTORS,
          DISK_INCLUDE,
          DISK_EXCLUDE,
          DISK_MOUNT_EXCLUDE,
          DISK_FS_TYPES_EXCLUDE,
          DISK_MOUNT_REFRESH,
          NETWORK_INCLUDE,
          NETWORK_EXCLUDE,
          PROCESS_SCAN,
          SIMULATE,
          SIMULATE_CHANNELS,
          LOG_LEVEL);

  /** Builds the settings from merged key/value pairs, applying defaults and validating. */
  public static AgentConfig from(Map<String, String> v) {
    String token = v.getOrDefault(TOKEN, "");
    if (token.isEmpty() && v.containsKey(TOKEN_FILE) && !v.get(TOKEN_FILE).isBlank()) {
      token = readToken(Path.of(v.get(TOKEN_FILE)));
    }
    int initial = intIn(v, RECONNECT_INITIAL, 1, 1, 3600);
    int simulate = intIn(v, SIMULATE, 0, 0, 100_000);
    return new AgentConfig(
        v.getOrDefault(SERVER, "127.0.0.1:9090"),
        nonBlank(v.get(AGENT_ID), defaultAgentId()),
        token,
        bool(v, TLS),
        path(v, TLS_CA_FILE),
        path(v, TLS_TRUST_STORE),
        v.get(TLS_TRUST_STORE_PASSWORD),
        v.getOrDefault(TLS_TRUST_STORE_TYPE, "PKCS12"),
        v.get(TLS_AUTHORITY),
        path(v, TLS_CERT_FILE),
        path(v, TLS_KEY_FILE),
        intIn(v, KEEPALIVE, 30, 10, 3600),
        initial,
        intIn(v, RECONNECT_MAX, 30, initial, 3600),
        intIn(v, BUFFER_MAX_SECONDS, 600, 0, 86_400),
        intIn(v, BUFFER_MAX_BYTES, 16 << 20, 0, 1 << 30),
        Path.of(v.getOrDefault(PROCFS, "/proc")),
        Path.of(v.getOrDefault(SYSFS, "/sys")),
        Path.of(v.getOrDefault(ROOTFS, "/")),
        collectorMode(v),
        regex(v, DISK_INCLUDE, ""),
        regex(v, DISK_EXCLUDE, ""),
        regex(v, DISK_MOUNT_EXCLUDE, Filesystems.DEFAULT_EXCLUDED_MOUNTS),
        Set.copyOf(
            List.of(
                v.getOrDefault(DISK_FS_TYPES_EXCLUDE, Filesystems.DEFAULT_EXCLUDED_TYPES)
                    .split("\\s*,\\s*"))),
        intIn(v, DISK_MOUNT_REFRESH, 60, 1, 86_400),
        regex(v, NETWORK_INCLUDE, ""),
        regex(v, NETWORK_EXCLUDE, "lo"),
        intIn(v, PROCESS_SCAN, 5, 0, 3600),
        trackRules(v),
        simulate,
        intIn(v, SIMULATE_CHANNELS, Math.max(1, (simulate + 499) / 500), 1, 64),
        v.getOrDefault(LOG_LEVEL, "INFO"));
  }

  /** The tracked-process rules of {@code track.<name>.name|cmdline|pidfile} keys, by name. */
  static List<TrackRule> trackRules(Map<String, String> v) {
    Map<String, String[]> byName = new TreeMap<>();
    for (Map.Entry<String, String> e : v.entrySet()) {
      String key = e.getKey();
      if (!key.startsWith("track.")) {
        continue;
      }
      int dot = key.lastIndexOf('.');
      if (dot <= 6) {
        throw new ConfigException("bad tracked-process key " + key);
      }
      String name = key.substring(6, dot);
      String[] parts = byName.computeIfAbsent(name, n -> new String[3]);
      switch (key.substring(dot + 1)) {
        case "name" -> parts[0] = e.getValue();
        case "cmdline" -> parts[1] = e.getValue();
        case "pidfile" -> parts[2] = e.getValue();
        default ->
            throw new ConfigException(
                "bad tracked-process key " + key + " (expected .name, .cmdline or .pidfile)");
      }
    }
    List<TrackRule> rules = new ArrayList<>();
    byName.forEach(
        (name, p) ->
            rules.add(
                new TrackRule(
                    name,
                    compile("track." + name + ".name", p[0]),
                    compile("track." + name + ".cmdline", p[1]),
                    p[2] == null || p[2].isBlank() ? null : Path.of(p[2].trim()))));
    return rules;
  }

  private static Pattern compile(String key, String regex) {
    if (regex == null || regex.isBlank()) {
      return null;
    }
    try {
      return Pattern.compile(regex.trim());
    } catch (PatternSyntaxException e) {
      throw new ConfigException(key + " is not a valid regular expression: " + e.getMessage(), e);
    }
  }

  private static CollectorMode collectorMode(Map<String, String> v) {
    String s = v.getOrDefault(COLLECTORS, "auto");
    CollectorMode mode = CollectorMode.parse(s);
    if (mode == null) {
      throw new ConfigException(COLLECTORS + " must be procfs, oshi or auto: " + s);
    }
    return mode;
  }

  private static String regex(Map<String, String> v, String key, String fallback) {
    String r = v.getOrDefault(key, fallback);
    compile(key, r);
    return r;
  }

  private static String readToken(Path file) {
    try {
      String t = Files.readString(file, StandardCharsets.UTF_8).trim();
      if (t.isEmpty()) {
        throw new ConfigException("token file is empty: " + file);
      }
      return t;
    } catch (IOException e) {
      throw new ConfigException("cannot read token file " + file + ": " + e.getMessage(), e);
    }
  }

  private static int intIn(Map<String, String> v, String key, int fallback, int min, int max) {
    String s = v.get(key);
    if (s == null || s.isBlank()) {
      return fallback;
    }
    try {
      int i = Integer.parseInt(s.trim());
      if (i < min || i > max) {
        throw new ConfigException(key + " must be between " + min + " and " + max + ": " + s);
      }
      return i;
    } catch (NumberFormatException e) {
      throw new ConfigException(key + " must be a whole number: " + s, e);
    }
  }

  private static boolean bool(Map<String, String> v, String key) {
    String s = v.getOrDefault(key, "false").trim();
    if (s.equalsIgnoreCase("true") || s.equals("1") || s.equalsIgnoreCase("yes")) {
      return true;
    }
    if (s.equalsIgnoreCase("false") || s.equals("0") || s.equalsIgnoreCase("no") || s.isEmpty()) {
      return false;
    }
    throw new ConfigException(key + " must be true or false: " + s);
  }

  private static Path path(Map<String, String> v, String key) {
    String s = v.get(key);
    return s == null || s.isBlank() ? null : Path.of(s.trim());
  }

  private static String nonBlank(String s, String fallback) {
    return s == null || s.isBlank() ? fallback : s.trim();
  }

  private static String defaultAgentId() {
    String host = System.getenv("HOSTNAME");
    if (host == null || host.isBlank()) {
      host = System.getenv("COMPUTERNAME"); // Windows
    }
    if (host == null || host.isBlank()) {
      try {
        host = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
      } catch (IOException e) {
        host = localHostName(); // macOS: launchd passes no HOSTNAME
      }
    }
    return host;
  }

  private static String localHostName() {
    try {
      String name = java.net.InetAddress.getLocalHost().getHostName();
      return name == null || name.isBlank() ? "agent" : name;
    } catch (IOException e) {
      return "agent";
    }
  }

  /** A description safe to log: everything but the token and the trust-store password. */
  @Override
  public String toString() {
    return "AgentConfig[server="
        + server
        + ", agentId="
        + agentId
        + ", token="
        + (agentToken.isEmpty() ? "<none>" : "<set>")
        + ", tls="
        + tls
        + ", trackRules="
        + trackRules.stream().map(TrackRule::name).toList()
        + "]";
  }
}
