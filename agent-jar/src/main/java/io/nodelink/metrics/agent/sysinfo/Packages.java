package io.nodelink.metrics.agent.sysinfo;

import io.nodelink.metrics.agent.procfs.ProcFs;
import io.nodelink.metrics.pb.InstalledPackage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Linux's installed packages from the system's package database: dpkg's status file on Debian and
 * Ubuntu, {@code rpm -qa} where rpm is the package manager, Alpine's apk database. The list is kept
 * until the database file changes, so repeated system_info requests cost a stat call.
 */
public final class Packages implements PackageSource {
  private static final Logger LOG = Logger.getLogger(Packages.class.getName());

  private final ProcFs fs;
  private List<InstalledPackage> cached = List.of();
  private Path cachedFrom;
  private FileTime cachedStamp;

  public Packages(ProcFs fs) {
    this.fs = fs;
  }

  /** The installed packages, empty when no known package database exists. */
  @Override
  public synchronized List<InstalledPackage> list() {
    Path dpkg = fs.root("var/lib/dpkg/status");
    Path apk = fs.root("lib/apk/db/installed");
    Path rpmDb = firstExisting(fs.root("var/lib/rpm"), fs.root("usr/lib/sysimage/rpm"));
    try {
      if (Files.isRegularFile(dpkg)) {
        return cachedOr(dpkg, () -> parseFile(dpkg, Packages::parseDpkgStatus));
      }
      if (Files.isRegularFile(apk)) {
        return cachedOr(apk, () -> parseFile(apk, Packages::parseApk));
      }
      if (rpmDb != null) {
        return cachedOr(rpmDb, Packages::queryRpm);
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "cannot read the package database: {0}", e.toString());
    }
    return List.of();
  }

  private interface Loader {
    List<InstalledPackage> load() throws IOException;
  }

  private List<InstalledPackage> cachedOr(Path db, Loader loader) throws IOException {
    FileTime stamp = Files.getLastModifiedTime(db);
    if (!db.equals(cachedFrom) || !stamp.equals(cachedStamp)) {
      cached = List.copyOf(loader.load());
      cachedFrom = db;
      cachedStamp = stamp;
    }
    return cached;
  }

  /**
   * Parses a database file line by line as it is read: dpkg's status file is ~1 MB of ~20,000 lines
   * on a server, ~2 MB of strings if held at once, more than the agent's whole live heap.
   */
  private static List<InstalledPackage> parseFile(
      Path db, Function<Iterable<String>, List<InstalledPackage>> parser) throws IOException {
    try (BufferedReader reader = Files.newBufferedReader(db, StandardCharsets.UTF_8)) {
      Stream<String> lines = reader.lines();
      return parser.apply(lines::iterator);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static Path firstExisting(Path... paths) {
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    return null;
  }

  /**
   * Parses dpkg's status file: stanzas separated by blank lines; only packages whose Status ends in
   * {@code installed} count (not removed ones that left configuration behind).
   */
  public static List<InstalledPackage> parseDpkgStatus(Iterable<String> lines) {
    List<InstalledPackage> out = new ArrayList<>();
    String name = null;
    String version = "";
    boolean installed = false;
    for (String line : lines) {
      if (line.isBlank()) {
        addIf(out, name, version, installed, "dpkg");
        name = null;
        version = "";
        installed = false;
      } else if (line.startsWith("Package:")) {
        name = line.substring(8).trim();
      } else if (line.startsWith("Version:")) {
        version = line.substring(8).trim();
      } else if (line.startsWith("Status:")) {
        installed = line.trim().endsWith(" installed");
      }
    }
    addIf(out, name, version, installed, "dpkg");
    return out;
  }

  /** Parses Alpine's {@code /lib/apk/db/installed} ({@code P:name}, {@code V:version}). */
  public static List<InstalledPackage> parseApk(Iterable<String> lines) {
    List<InstalledPackage> out = new ArrayList<>();
    String name = null;
    String version = "";
    for (String line : lines) {
      if (line.isBlank()) {
        addIf(out, name, version, true, "apk");
        name = null;
        version = "";
      } else if (line.startsWith("P:")) {
        name = line.substring(2).trim();
      } else if (line.startsWith("V:")) {
        version = line.substring(2).trim();
      }
    }
    addIf(out, name, version, true, "apk");
    return out;
  }

  /** Parses {@code rpm -qa --qf '%{NAME}\t%{VERSION}-%{RELEASE}\n'} output. */
  public static List<InstalledPackage> parseRpmQuery(List<String> lines) {
    List<InstalledPackage> out = new ArrayList<>();
    for (String line : lines) {
      int tab = line.indexOf('\t');
      if (tab > 0) {
        addIf(out, line.substring(0, tab), line.substring(tab + 1).trim(), true, "rpm");
      }
    }
    return out;
  }

  private static List<InstalledPackage> queryRpm() throws IOException {
    return parseRpmQuery(
        CommandOutput.lines("rpm", "-qa", "--qf", "%{NAME}\\t%{VERSION}-%{RELEASE}\\n"));
  }

  private static void addIf(
      List<InstalledPackage> out, String name, String version, boolean ok, String manager) {
    if (name != null && !name.isEmpty() && ok) {
      out.add(
          InstalledPackage.newBuilder()
              .setName(name)
              .setVersion(version)
              .setPackageManager(manager)
              .build());
    }
  }
}
