package io.nodelink.metrics.server.agents;

import io.nodelink.metrics.server.config.ServerConfig;
import io.nodelink.metrics.server.domain.DomainException;
import io.nodelink.metrics.server.grpc.AgentSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every agent the server knows: listed from the moment its stream is accepted, offline when the
 * stream ends, forgotten by the cleanup after it stayed offline past the retention.
 *
 * <p>One live session per agent id: a second connection with the same id replaces the first (the
 * caller closes the old stream), because the newest connection is the one that works; an agent
 * restarted before the old TCP connection timed out must not be locked out.
 */
@ApplicationScoped
public class AgentRegistry {

  private static final Logger LOG = Logger.getLogger(AgentRegistry.class.getName());

  private final Map<String, Entry> agents = new ConcurrentHashMap<>();
  private final int maxAgents;
  private final Clock clock;

  @Inject
  public AgentRegistry(ServerConfig config) {
    this(config.maxAgents(), Clock.systemUTC());
  }

  public AgentRegistry(int maxAgents, Clock clock) {
    this.maxAgents = maxAgents;
    this.clock = clock;
  }

  /** For the CDI proxy only. */
  protected AgentRegistry() {
    this(0, Clock.systemUTC());
  }

  /**
   * Makes {@code session} the agent's live stream.
   *
   * @return the session it replaces, if the agent was connected already
   * @throws DomainException when a new agent would exceed {@code nodelink.agents.max}
   */
  public Optional<AgentSession> connect(AgentSession session) {
    String agentId = session.agentId();
    if (!agents.containsKey(agentId) && agents.size() >= maxAgents) {
      throw DomainException.limitReached("agent limit of " + maxAgents + " reached");
    }
    Entry entry = agents.computeIfAbsent(agentId, Entry::new);
    AgentSession replaced = entry.connect(session, clock.instant());
    if (replaced != null) {
      LOG.log(Level.INFO, "Agent {0} reconnected; replacing its older stream", agentId);
    } else {
      LOG.log(Level.INFO, "Agent {0} connected", agentId);
    }
    return Optional.ofNullable(replaced);
  }

  /**
   * Records the end of {@code session}.
   *
   * @return true if it was the agent's live stream, so the agent is now offline
   */
  public boolean disconnect(AgentSession session) {
    Entry entry = agents.get(session.agentId());
    boolean wasLive = entry != null && entry.disconnect(session, clock.instant());
    if (wasLive) {
      LOG.log(Level.INFO, "Agent {0} disconnected", session.agentId());
    }
    return wasLive;
  }

  /** Whether {@code session} is its agent's live stream (not replaced, not ended). */
  public boolean isCurrent(AgentSession session) {
    Entry entry = agents.get(session.agentId());
    return entry != null && entry.session() == session;
  }

  /** The agent sent something. */
  public void touch(String agentId) {
    Entry entry = agents.get(agentId);
    if (entry != null) {
      entry.seen(clock.instant(), false);
    }
  }

  /** The agent sent metrics or system info. */
  public void updated(String agentId) {
    Entry entry = agents.get(agentId);
    if (entry != null) {
      entry.seen(clock.instant(), true);
    }
  }

  public Optional<AgentState> find(String agentId) {
    Entry entry = agents.get(agentId);
    return entry == null ? Optional.empty() : Optional.of(entry.state());
  }

  public boolean isKnown(String agentId) {
    return agents.containsKey(agentId);
  }

  /** The agent's live session, if it is connected. */
  public Optional<AgentSession> session(String agentId) {
    Entry entry = agents.get(agentId);
    return entry == null ? Optional.empty() : Optional.ofNullable(entry.session());
  }

  /** Every known agent, sorted by id. */
  public List<AgentState> all() {
    List<AgentState> states = new ArrayList<>();
    agents.values().forEach(e -> states.add(e.state()));
    states.sort(Comparator.comparing(AgentState::agentId));
    return states;
  }

  public int connectedCount() {
    return (int) agents.values().stream().filter(e -> e.session() != null).count();
  }

  public int size() {
    return agents.size();
  }

  /**
   * Forgets agents that have been offline since before {@code cutoff}.
   *
   * @return the ids forgotten
   */
  public List<String> removeOfflineSince(Instant cutoff) {
    List<String> removed = new ArrayList<>();
    agents.forEach(
        (id, entry) -> {
          if (entry.offlineSince(cutoff) && agents.remove(id, entry)) {
            removed.add(id);
          }
        });
    return removed;
  }

  /** The mutable state of one agent, guarded by its own lock. */
  private static final class Entry {
    private final String agentId;
    private AgentSession session;
    private Instant connectedAt;
    private Instant lastSeen;
    private Instant lastUpdate;
    private Instant disconnectedAt;

    Entry(String agentId) {
      this.agentId = agentId;
    }

    synchronized AgentSession connect(AgentSession next, Instant now) {
      AgentSession previous = session;
      session = next;
      connectedAt = now;
      lastSeen = now;
      disconnectedAt = null;
      return previous;
    }

    synchronized boolean disconnect(AgentSession ended, Instant now) {
      if (session != ended) {
        return false;
      }
      session = null;
      disconnectedAt = now;
      return true;
    }

    synchronized AgentSession session() {
      return session;
    }

    synchronized void seen(Instant now, boolean update) {
      lastSeen = now;
      if (update) {
        lastUpdate = now;
      }
    }

    synchronized boolean offlineSince(Instant cutoff) {
      return session == null && disconnectedAt != null && disconnectedAt.isBefore(cutoff);
    }

    synchronized AgentState state() {
      return new AgentState(
          agentId, session != null, connectedAt, lastSeen, lastUpdate, disconnectedAt);
    }
  }
}
