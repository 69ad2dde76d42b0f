package io.nodelink.metrics.server.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The dashboard's files, read from the deployed WAR once and then kept in memory.
 *
 * <p>A deployed WAR does not change under a running application, so a file read once stays right
 * until redeploy. Only files that exist are cached, so the cache is bounded by the WAR's own
 * content however many missing names clients ask for.
 */
@ApplicationScoped
public class StaticFiles {

  private static final Logger LOG = Logger.getLogger(StaticFiles.class.getName());

  /** No file of the dashboard or its WebJars comes near this; anything larger is refused. */
  private static final int MAX_FILE_BYTES = 4 * 1024 * 1024;

  private final Map<String, StaticFile> cache = new ConcurrentHashMap<>();

  /**
   * Finds a file of the WAR.
   *
   * @param context the web application whose resources are searched
   * @param resourcePath an absolute resource path such as {@code /assets/app.js}, already checked
   *     by {@link AssetPath}; {@code /webjars/...} paths are found in the {@code
   *     META-INF/resources} folder of the jars in {@code WEB-INF/lib}
   * @return the file, or empty if the WAR has no such file
   */
  public Optional<StaticFile> find(ServletContext context, String resourcePath) {
    StaticFile cached = cache.get(resourcePath);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<StaticFile> loaded = load(context, resourcePath);
    loaded.ifPresent(file -> cache.putIfAbsent(resourcePath, file));
    return loaded;
  }

  private static Optional<StaticFile> load(ServletContext context, String resourcePath) {
    try {
      URL url = context.getResource(resourcePath);
      if (url == null || resourcePath.endsWith("/")) {
        return Optional.empty();
      }
      try (InputStream in = url.openStream()) {
        byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        if (bytes.length > MAX_FILE_BYTES) {
          LOG.log(
              Level.WARNING,
              "Not serving {0}: larger than {1} bytes",
              new Object[] {resourcePath, MAX_FILE_BYTES});
          return Optional.empty();
        }
        return Optional.of(StaticFile.of(resourcePath, bytes));
      }
    } catch (MalformedURLException e) {
      return Optional.empty();
    } catch (IOException e) {
      // A directory or an unreadable entry: to the client it is simply not a file.
      LOG.log(Level.FINE, "Cannot read {0}: {1}", new Object[] {resourcePath, e.toString()});
      return Optional.empty();
    } catch (UncheckedIOException e) {
      LOG.log(Level.WARNING, "Cannot prepare " + resourcePath, e);
      return Optional.empty();
    }
  }
}
