package it.support.liberty;

import it.support.TestFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files of one extra Liberty server, {@code wlp/usr/servers/<name>}: made from the build's
 * server by copying its configuration (server.xml, jvm.options, bootstrap and env files, config
 * drop-ins, apps, libraries and resources) without its state (logs, work area, database files,
 * Arquillian drop-ins), with ports and environment of its own in {@code server.env}.
 */
final class ServerDirectory {

  /** What belongs to the running build's server, not to its configuration. */
  private static final Set<String> STATE_DIRECTORIES =
      Set.of("logs", "workarea", "dropins", "tranlog", "data", "db", "database", "messaging");

  private static final List<String> DATABASE_FILE_ENDINGS =
      List.of(".mv.db", ".trace.db", ".lock.db", ".h2.db");

  private static final String DATABASE_VARIABLES = "NODELINK_DB_";

  /** The liberty-maven-plugin's variable overrides would pin the build server's ports. */
  private static final String PLUGIN_VARIABLES = "liberty-plugin-variable-config.xml";

  /** Arquillian's local connector and polled drop-ins: test wiring of the build's server only. */
  private static final String TEST_FEATURES = "test-features.xml";

  private final Path template;
  private final Path dir;

  ServerDirectory(Path template, Path dir) {
    this.template = template;
    this.dir = dir;
  }

  Path path() {
    return dir;
  }

  /**
   * Test instances start with the C1 compiler alone: a Liberty start then takes 24 CPU-seconds
   * instead of 59 (20 s instead of 34 to ready on the 2-core build VM), which counts when the
   * durable ITs start several servers at once and restart them; their light load needs no C2.
   */
  private static final String TEST_JVM_OPTIONS =
      "\n# Added for a test instance (ServerDirectory): C1 alone, a start at half the CPU.\n"
          + "-XX:TieredStopAtLevel=1\n";

  /** Replaces whatever is at this server's place with a fresh copy of the template. */
  void createFromTemplate() {
    delete();
    try {
      // The build's server is running: its work area and logs change under a walk, so the walk
      // must not even enter them (a file gone between listing and visiting fails a plain walk).
      Files.walkFileTree(template, new ConfigurationCopier());
      Files.writeString(
          dir.resolve("jvm.options"),
          TEST_JVM_OPTIONS,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + template + " to " + dir, e);
    }
  }

  /** Copies the configuration files, skipping the state directories without reading them. */
  private final class ConfigurationCopier extends SimpleFileVisitor<Path> {
    @Override
    public FileVisitResult preVisitDirectory(Path source, BasicFileAttributes attributes)
        throws IOException {
      Path relative = template.relativize(source);
      if (!isConfiguration(relative)) {
        return FileVisitResult.SKIP_SUBTREE;
      }
      Files.createDirectories(dir.resolve(relative.toString()));
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path source, BasicFileAttributes attributes)
        throws IOException {
      Path relative = template.relativize(source);
      if (isConfiguration(relative)) {
        copy(source, dir.resolve(relative.toString()));
      }
      return FileVisitResult.CONTINUE;
    }
  }

  /**
   * Writes {@code server.env}: the template's variables (tokens, key store password, ...) except
   * its database, remote-write destinations and alert receivers, then {@code env} over them.
   */
  void writeEnv(Map<String, String> env) {
    Map<String, String> all = new LinkedHashMap<>(readEnv(template.resolve("server.env")));
    // The build's server has a database of its own; a copy keeps the default or gets one in env.
    all.keySet().removeIf(name -> name.startsWith(DATABASE_VARIABLES));
    // Only the build's server writes to the remote-write ITs' receivers (their samples are
    // compared with what that server sent).
    all.keySet().removeIf(name -> name.startsWith("NODELINK_REMOTE_WRITE_"));
    // Nor to the notification ITs' receivers: these servers run while those tests do, and an
    // alert of theirs (an agent killed here fires no-data) would be taken for the build server's.
    all.keySet()
        .removeIf(
            name ->
                name.startsWith("NODELINK_ALERTS_WEBHOOK_")
                    || name.startsWith("NODELINK_ALERTS_ALERTMANAGER_"));
    all.putAll(env);
    List<String> lines = new ArrayList<>();
    lines.add("# Written by the integration tests' LibertyInstance");
    all.forEach((name, value) -> lines.add(name + "=" + value));
    try {
      Files.write(dir.resolve("server.env"), lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write server.env in " + dir, e);
    }
  }

  /** The server JVM's pid from Liberty's pid file, if it has one. */
  OptionalLong pid() {
    Path file = pidFile();
    try {
      return Files.isRegularFile(file)
          ? OptionalLong.of(Long.parseLong(Files.readString(file).trim()))
          : OptionalLong.empty();
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  void deletePidFile() {
    try {
      Files.deleteIfExists(pidFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Liberty writes it next to the servers: {@code wlp/usr/servers/.pid/<name>.pid}. */
  private Path pidFile() {
    return dir.getParent().resolve(".pid").resolve(dir.getFileName() + ".pid");
  }

  Path messagesLog() {
    return dir.resolve("logs").resolve("messages.log");
  }

  /** Copies {@code logs/} to {@code target}, so they outlive the server. */
  void saveLogs(Path target) {
    Path logs = dir.resolve("logs");
    if (!Files.isDirectory(logs)) {
      return;
    }
    try (Stream<Path> files = Files.walk(logs)) {
      for (Path source : files.toList()) {
        copy(source, target.resolve(logs.relativize(source).toString()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the logs of " + dir, e);
    }
  }

  /** Deletes the server's directory and pid file. */
  void delete() {
    deletePidFile();
    TestFiles.deleteRecursively(dir);
  }

  private static boolean isConfiguration(Path relative) {
    String first = relative.getNameCount() == 0 ? "" : relative.getName(0).toString();
    String file = relative.getFileName() == null ? "" : relative.getFileName().toString();
    return !STATE_DIRECTORIES.contains(first)
        && !file.equals(PLUGIN_VARIABLES)
        && !file.equals(TEST_FEATURES)
        && !file.equals("server.env")
        && DATABASE_FILE_ENDINGS.stream().noneMatch(file::endsWith);
  }

  private static void copy(Path source, Path target) throws IOException {
    if (Files.isDirectory(source)) {
      Files.createDirectories(target);
    } else {
      Files.createDirectories(target.getParent());
      Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static Map<String, String> readEnv(Path file) {
    Map<String, String> env = new LinkedHashMap<>();
    if (!Files.isRegularFile(file)) {
      return env;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int equals = line.indexOf('=');
        if (!line.startsWith("#") && equals > 0) {
          env.put(line.substring(0, equals).trim(), line.substring(equals + 1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return env;
  }
}
