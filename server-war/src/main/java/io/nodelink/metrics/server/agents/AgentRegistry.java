package io.nodelink.metrics.server.agents;

import io.nodelink.metrics.server.config.ServerConfig;
import io.nodelink.metrics.server.domain.DomainException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
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
 * Every agent the server knows, and the one owner of each agent's lifecycle: listed from the moment
 * its stream is accepted, offline when the stream ends, forgotten after it stayed offline past the
 * retention. Each transition is published as an event ({@link AgentConnected}, {@link
 * AgentDisconnected}, {@link AgentForgotten}) that the store, tasks, streaming and SSE observe.
 *
 * <p>The transitions of one agent are serialised, events included: a reconnect racing with the
 * cleanup either finds the agent forgotten (and is registered anew after the forget's observers
 * ran) or keeps it (and the cleanup sees it online), never a half-removed entry.
 *
 * <p>One live channel per agent id: a second connection with the same id replaces the first,
 * because the newest connection is the one that works; an agent restarted before its old TCP
 * connection timed out must not be locked out. Unless it comes from another host: two live hosts
 * with one id would replace each other forever, so the {@link DuplicateIdDetector} decides, and a
 * refused connection fails with {@link DuplicateAgentIdException} while the first one stays.
 *
 * <p>The agents it knows survive a restart through the {@link AgentRepository}: saved on connect,
 * disconnect and, while they send data, at most every {@link #SAVE_EVERY}; restored offline at
 * start, until they reconnect or the retention forgets them.
 */
@ApplicationScoped
public class AgentRegistry {

  private static final Logger LOG = Logger.getLogger(AgentRegistry.class.getName());

  /** Lock stripes for the transitions: bounded, never cleaned up, rarely contended. */
  private static final int STRIPES = 256;

  /** How often a duplicate agent id is logged at WARNING (its agents retry every few seconds). */
  static final Duration DUPLICATE_LOG_EVERY = Duration.ofMinutes(1);

  /** How often an agent's last seen/update times are saved while it streams. */
  static final Duration SAVE_EVERY = Duration.ofSeconds(60);

  /**
   * After the gRPC server's stop (an observer of the same event at the default priority, 2500): by
   * then no agent message changes the registry any more.
   */
  private static final int AFTER_TRANSPORT_STOP = 3000;

  private final Map<String, Entry> agents = new ConcurrentHashMap<>();
  private final Object[] transitionLocks = new Object[STRIPES];
  private final int maxAgents;
  private final Clock clock;
  private final AgentEvents events;
  private final AgentRepository repository;
  private final AgentPresence presence;

  @Inject
  public AgentRegistry(
      ServerConfig config,
      Clock clock,
      CdiAgentEvents events,
      AgentRepository repository,
      AgentPresence presence) {
    this(config.maxAgents(), clock, events, repository, presence);
  }

  /** A registry that keeps nothing across restarts. */
  public AgentRegistry(int maxAgents, Clock clock, AgentEvents events) {
    this(maxAgents, clock, events, AgentRepository.NONE);
  }

  public AgentRegistry(int maxAgents, Clock clock, AgentEvents events, AgentRepository repository) {
    this(maxAgents, clock, events, repository, AgentPresence.ALONE);
  }

  public AgentRegistry(
      int maxAgents,
      Clock clock,
      AgentEvents events,
      AgentRepository repository,
      AgentPresence presence) {
    this.maxAgents = maxAgents;
    this.clock = clock;
    this.events = events;
    this.repository = repository;
    this.presence = presence;
    for (int i = 0; i < STRIPES; i++) {
      transitionLocks[i] = new Object();
    }
  }

  /** For the CDI proxy only. */
  protected AgentRegistry() {
    this(0, Clock.systemUTC(), AgentEvents.NONE);
  }

  /**
   * Lists the stored agents as offline (runs once, before the registry is used). An agent that was
   * online when the server died counts as disconnected since it was last seen. Without a readable
   * store the registry starts empty.
   */
  @PostConstruct
  public void restore() {
    List<AgentState> stored;
    try {
      stored = repository.loadAll();
    } catch (IllegalStateException e) {
      LOG.log(Level.WARNING, "Known agents not restored: {0}", e.getMessage());
      return;
    }
    for (AgentState state : stored) {
      agents.computeIfAbsent(state.agentId(), id -> Entry.restored(state, clock.instant()));
    }
    if (!stored.isEmpty()) {
      LOG.log(
          Level.INFO, "Restored {0} known agent(s), offline until they reconnect", stored.size());
    }
  }

  /**
   * The application stops: saves every agent as of now, one still connected as disconnected now.
   * The streams end with the server, but their ends are no longer delivered once the transport
   * stopped, so without this a restart would count them offline only since they were last saved. In
   * a cluster only the agents connected here are saved: the others' rows were written by the
   * servers that had them, later than this server's view of them.
   */
  public void onApplicationStopping(
      @Observes(notifyObserver = Reception.IF_EXISTS)
          @Priority(AFTER_TRANSPORT_STOP)
          @BeforeDestroyed(ApplicationScoped.class)
          Object ignored) {
    Instant now = clock.instant();
    agents.values().stream()
        .filter(entry -> !presence.shared() || entry.connectedHere())
        .forEach(entry -> repository.save(entry.stateAtStop(now)));
  }

  /**
   * Makes {@code channel} the agent's live channel. An older channel of the same agent is closed
   * and reported as {@link AgentDisconnected} (replaced) before the {@link AgentConnected}.
   *
   * @throws DomainException when a new agent would exceed {@code nodelink.agents.max}
   */
  public void connect(AgentChannel channel) {
    String agentId = channel.agentId();
    synchronized (transitionLock(agentId)) {
      if (!agents.containsKey(agentId) && agents.size() >= maxAgents) {
        throw DomainException.limitReached("agent limit of " + maxAgents + " reached");
      }
      Entry entry = agents.computeIfAbsent(agentId, Entry::new);
      Instant now = clock.instant();
      Optional<String> duplicate = entry.refusal(channel, now);
      if (duplicate.isPresent()) {
        warnDuplicate(entry, now, "refused a second connection: {1}", duplicate.get());
        throw new DuplicateAgentIdException(agentId, duplicate.get());
      }
      AgentChannel replaced = entry.connect(channel, now);
      repository.save(entry.state(now));
      if (replaced != null) {
        LOG.log(Level.INFO, "Agent {0} reconnected; replacing its older stream", agentId);
        replaced.closeReplaced();
        events.disconnected(new AgentDisconnected(agentId, true));
      } else {
        LOG.log(Level.INFO, "Agent {0} connected", agentId);
      }
      events.connected(new AgentConnected(agentId));
    }
  }

  /**
   * The agent behind {@code channel} reported its host (in its system info). If the channel
   * replaced one from another host moments ago, two hosts share the agent id: it is flagged, and
   * the other host's next connection is refused while this one is live.
   */
  public void identified(AgentChannel channel, HostIdentity reported) {
    String agentId = channel.agentId();
    synchronized (transitionLock(agentId)) {
      Entry entry = agents.get(agentId);
      Instant now = clock.instant();
      if (entry != null && entry.identified(channel, reported, now)) {
        warnDuplicate(
            entry,
            now,
            "two hosts use it: {1} replaced another host''s connection",
            reported.describe());
      }
    }
  }

  /** Logs a duplicate agent id at WARNING at most once per {@link #DUPLICATE_LOG_EVERY}. */
  private static void warnDuplicate(Entry entry, Instant now, String what, String detail) {
    Level level = entry.dueDuplicateWarning(now) ? Level.WARNING : Level.FINE;
    LOG.log(
        level,
        "Duplicate agent id {0}: " + what + "; " + DuplicateAgentIdException.FIX,
        new Object[] {entry.agentId, detail});
  }

  /**
   * Records the end of {@code channel}.
   *
   * @return true if it was the agent's live channel, so the agent is now offline
   */
  public boolean disconnect(AgentChannel channel) {
    String agentId = channel.agentId();
    synchronized (transitionLock(agentId)) {
      Entry entry = agents.get(agentId);
      if (entry == null || !entry.disconnect(channel, clock.instant())) {
        return false;
      }
      LOG.log(Level.INFO, "Agent {0} disconnected", agentId);
      repository.save(entry.state(clock.instant()));
      events.disconnected(new AgentDisconnected(agentId, false));
      return true;
    }
  }

  /**
   * Forgets agents that have been offline since before {@code cutoff}. An agent connected to
   * another server of the cluster is not offline: it is kept, and counts as seen now.
   *
   * @return the ids forgotten
   */
  public List<String> forgetOfflineSince(Instant cutoff) {
    List<String> forgotten = new ArrayList<>();
    for (String agentId : List.copyOf(agents.keySet())) {
      synchronized (transitionLock(agentId)) {
        Entry entry = agents.get(agentId);
        if (entry != null && presence.connectedElsewhere(agentId)) {
          entry.seenElsewhere(clock.instant());
        } else if (entry != null && entry.offlineSince(cutoff)) {
          agents.remove(agentId);
          repository.delete(agentId);
          events.forgotten(new AgentForgotten(agentId));
          forgotten.add(agentId);
        }
      }
    }
    return forgotten;
  }

  /** Whether {@code channel} is its agent's live channel (not replaced, not ended). */
  public boolean isCurrent(AgentChannel channel) {
    Entry entry = agents.get(channel.agentId());
    return entry != null && entry.channel() == channel;
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
    Instant now = clock.instant();
    if (entry != null && entry.seen(now, true)) {
      repository.save(entry.state(now));
    }
  }

  public Optional<AgentState> find(String agentId) {
    Entry entry = agents.get(agentId);
    return entry == null ? Optional.empty() : Optional.of(entry.state(clock.instant()));
  }

  /**
   * The agent's state.
   *
   * @throws DomainException 404 for an agent the server does not know
   */
  public AgentState require(String agentId) {
    return find(agentId).orElseThrow(DomainException::agentNotFound);
  }

  /**
   * The agent's live channel.
   *
   * @throws DomainException 404 for an unknown agent, 409 if it is offline
   */
  public AgentChannel requireChannel(String agentId) {
    Entry entry = agents.get(agentId);
    if (entry == null) {
      throw DomainException.agentNotFound();
    }
    AgentChannel channel = entry.channel();
    if (channel == null) {
      throw DomainException.agentOffline();
    }
    return channel;
  }

  public boolean isKnown(String agentId) {
    return agents.containsKey(agentId);
  }

  /** The agent's live channel, if it is connected. */
  public Optional<AgentChannel> channel(String agentId) {
    Entry entry = agents.get(agentId);
    return entry == null ? Optional.empty() : Optional.ofNullable(entry.channel());
  }

  /** Every known agent, sorted by id. */
  public List<AgentState> all() {
    List<AgentState> states = unordered();
    states.sort(Comparator.comparing(AgentState::agentId));
    return states;
  }

  /** Every known agent, in no order: for a periodic pass over thousands, sorting is waste. */
  public List<AgentState> unordered() {
    List<AgentState> states = new ArrayList<>(agents.size());
    Instant now = clock.instant();
    agents.values().forEach(e -> states.add(e.state(now)));
    return states;
  }

  public int connectedCount() {
    return (int) agents.values().stream().filter(e -> e.channel() != null).count();
  }

  public int size() {
    return agents.size();
  }

  private Object transitionLock(String agentId) {
    return transitionLocks[Math.floorMod(agentId.hashCode(), STRIPES)];
  }

  /** The mutable state of one agent, guarded by its own lock. */
  private static final class Entry {
    private final String agentId;
    private final DuplicateIdDetector duplicates = new DuplicateIdDetector();
    private AgentChannel channel;
    private HostIdentity identity = HostIdentity.UNKNOWN;
    private Instant duplicateWarnedAt;
    private Instant connectedAt;
    private Instant lastSeen;
    private Instant lastUpdate;
    private Instant disconnectedAt;
    private Instant savedAt;

    /** When this server last knew the agent connected to another server of its cluster. */
    private Instant seenElsewhereAt;

    Entry(String agentId) {
      this.agentId = agentId;
    }

    static Entry restored(AgentState state, Instant now) {
      Entry entry = new Entry(state.agentId());
      entry.connectedAt = state.connectedAt();
      entry.lastSeen = state.lastSeen();
      entry.lastUpdate = state.lastUpdate();
      Instant offlineSince =
          state.disconnectedAt() != null ? state.disconnectedAt() : state.lastSeen();
      entry.disconnectedAt = offlineSince != null ? offlineSince : now;
      entry.savedAt = now;
      return entry;
    }

    /** Why {@code next} must not replace the live channel; empty if it may (or none is live). */
    synchronized Optional<String> refusal(AgentChannel next, Instant now) {
      return channel == null
          ? Optional.empty()
          : duplicates.refusal(identity, next.hostIdentity(), now);
    }

    synchronized boolean identified(AgentChannel current, HostIdentity reported, Instant now) {
      if (channel != current) {
        return false;
      }
      identity = identity.completedBy(reported);
      return duplicates.identified(identity, now);
    }

    synchronized boolean dueDuplicateWarning(Instant now) {
      if (duplicateWarnedAt != null && now.isBefore(duplicateWarnedAt.plus(DUPLICATE_LOG_EVERY))) {
        return false;
      }
      duplicateWarnedAt = now;
      return true;
    }

    synchronized AgentChannel connect(AgentChannel next, Instant now) {
      AgentChannel previous = channel;
      if (previous != null) {
        duplicates.replaced(identity, now);
      }
      channel = next;
      identity = next.hostIdentity();
      connectedAt = now;
      lastSeen = now;
      disconnectedAt = null;
      savedAt = now;
      return previous;
    }

    synchronized boolean disconnect(AgentChannel ended, Instant now) {
      if (channel != ended) {
        return false;
      }
      channel = null;
      identity = HostIdentity.UNKNOWN;
      disconnectedAt = now;
      savedAt = now;
      return true;
    }

    synchronized AgentChannel channel() {
      return channel;
    }

    /** Records activity; true when the agent's times are due to be saved again. */
    synchronized boolean seen(Instant now, boolean update) {
      lastSeen = now;
      if (update) {
        lastUpdate = now;
      }
      if (savedAt != null && now.isBefore(savedAt.plus(SAVE_EVERY))) {
        return false;
      }
      savedAt = now;
      return true;
    }

    synchronized boolean offlineSince(Instant cutoff) {
      return channel == null
          && disconnectedAt != null
          && disconnectedAt.isBefore(cutoff)
          && (seenElsewhereAt == null || seenElsewhereAt.isBefore(cutoff));
    }

    synchronized void seenElsewhere(Instant now) {
      seenElsewhereAt = now;
    }

    synchronized boolean connectedHere() {
      return channel != null;
    }

    /** The state to keep when the server stops now: a live stream ends with it. */
    synchronized AgentState stateAtStop(Instant now) {
      return new AgentState(
          agentId,
          false,
          connectedAt,
          lastSeen,
          lastUpdate,
          channel != null ? now : disconnectedAt);
    }

    synchronized AgentState state(Instant now) {
      return new AgentState(
          agentId,
          channel != null,
          connectedAt,
          lastSeen,
          lastUpdate,
          disconnectedAt,
          duplicates.isFlagged(now));
    }
  }
}
