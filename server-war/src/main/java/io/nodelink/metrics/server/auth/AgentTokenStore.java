package io.nodelink.metrics.server.auth;

import io.nodelink.metrics.server.config.ServerConfig;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The agent tokens in force: {@code nodelink.auth.tokens} plus the tokens file, which is polled
 * ({@code nodelink.auth.tokens-file.poll-interval}, on the managed scheduler) and reloaded when its
 * modification time or size changes, so a leaked token is revoked without a restart. A file that no
 * longer parses leaves the previous tokens in force. Logs the number of entries, never a value.
 */
@ApplicationScoped
public class AgentTokenStore {

  private static final Logger LOG = Logger.getLogger(AgentTokenStore.class.getName());

  @Inject ServerConfig config;

  @Resource(lookup = "java:comp/DefaultManagedScheduledExecutorService")
  ManagedScheduledExecutorService scheduler;

  private volatile AgentTokens current = AgentTokens.none();
  private volatile TokensFile seen = TokensFile.ABSENT;
  private ScheduledFuture<?> polling;

  /** The tokens in force now. */
  public AgentTokens current() {
    return current;
  }

  /** Loads the tokens and, with a tokens file, starts watching it. */
  public synchronized void start() {
    Optional<Path> file = loadInitial();
    if (file.isPresent() && polling == null) {
      long period = config.authTokensFilePollInterval().toMillis();
      polling =
          scheduler.scheduleWithFixedDelay(
              () -> reloadIfChanged(file.get()), period, period, TimeUnit.MILLISECONDS);
    }
  }

  /** Reads the tokens as at start; the tokens file, if one is configured. */
  Optional<Path> loadInitial() {
    Optional<Path> file = config.authTokensFile().map(Path::of);
    file.ifPresent(f -> FilePermissions.warnIfWorldReadable(f, "agent tokens file"));
    current = load(file, true).orElse(AgentTokens.none());
    return file;
  }

  @PreDestroy
  synchronized void stop() {
    if (polling != null) {
      polling.cancel(false);
      polling = null;
    }
  }

  /** Reloads the file if it changed since it was last read. */
  void reloadIfChanged(Path file) {
    try {
      if (TokensFile.of(file).differsFrom(seen)) {
        load(Optional.of(file), false).ifPresent(tokens -> current = tokens);
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.WARNING, "Cannot check the agent tokens file {0}: {1}", new Object[] {file, e});
    }
  }

  private Optional<AgentTokens> load(Optional<Path> file, boolean atStart) {
    List<String> lines = List.of();
    if (file.isPresent()) {
      try {
        seen = TokensFile.of(file.get());
        lines = seen == TokensFile.ABSENT ? List.of() : AgentTokens.readFile(file.get());
        if (seen == TokensFile.ABSENT) {
          LOG.log(Level.WARNING, "The agent tokens file {0} does not exist (yet)", file.get());
        }
      } catch (IOException e) {
        LOG.log(
            Level.SEVERE,
            "Cannot read the agent tokens file {0}: {1}",
            new Object[] {file.get(), e});
        return atStart ? parse(List.of()) : Optional.empty();
      }
    }
    return parse(lines).map(tokens -> logged(tokens, atStart));
  }

  private Optional<AgentTokens> parse(List<String> lines) {
    try {
      return Optional.of(AgentTokens.parse(config.authTokens(), lines));
    } catch (IllegalArgumentException e) {
      LOG.log(
          Level.SEVERE,
          "Invalid agent tokens ({0}); the tokens in force stay as they were",
          e.getMessage());
      return Optional.empty();
    }
  }

  private static AgentTokens logged(AgentTokens tokens, boolean atStart) {
    if (tokens.isEmpty()) {
      LOG.warning(
          "No agent tokens configured (nodelink.auth.tokens / nodelink.auth.tokens-file):"
              + " every agent will be rejected");
    } else {
      LOG.log(
          Level.INFO,
          atStart ? "{0} agent token entries configured" : "{0} agent token entries reloaded",
          tokens.size());
    }
    return tokens;
  }
}
