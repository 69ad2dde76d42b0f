package io.nodelink.metrics.server.cluster;

import io.nodelink.metrics.server.agents.AgentConnected;
import io.nodelink.metrics.server.agents.AgentDisconnected;
import io.nodelink.metrics.server.agents.AgentRegistry;
import io.nodelink.metrics.server.agents.AgentState;
import io.nodelink.metrics.server.alerts.AlertRules;
import io.nodelink.metrics.server.alerts.Silences;
import io.nodelink.metrics.server.database.StateDatabase;
import io.nodelink.metrics.server.streaming.StreamingControl;
import io.nodelink.metrics.server.tasks.TaskRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * This server as a member of a cluster sharing the state database: it says it is alive every {@code
 * nodelink.cluster.heartbeat}, records which agents are connected to it (the latest connection of
 * an agent wins), and closes its stream of an agent that another server took over (after a network
 * blip the agent reconnected elsewhere while this server still held its old stream), and takes over
 * the tasks of servers that are gone. PostgreSQL is the coordinator: ownership rows and heartbeats,
 * no protocol of our own.
 */
@ApplicationScoped
public class ClusterNode {

  private static final Logger LOG = Logger.getLogger(ClusterNode.class.getName());

  @Inject Config config;

  @Inject StateDatabase database;

  @Inject AgentRegistry agents;

  @Inject Clock clock;

  @Inject StreamingControl streaming;

  @Inject TaskRegistry tasks;

  @Inject AlertRules alertRules;

  @Inject Silences silences;

  @Inject Event<PeersAlive> peersAlive;

  @Resource ManagedScheduledExecutorService scheduler;

  private ClusterSettings settings = ClusterSettings.ALONE;
  private volatile List<Peer> peers = List.of();
  private volatile Set<String> connectedElsewhere = Set.of();
  private volatile boolean heartbeatFailing;
  private ScheduledFuture<?> heartbeats;

  @PostConstruct
  void readSettings() {
    settings = ClusterSettings.read(key -> config.getOptionalValue(key, String.class));
  }

  /** After the state database's schema is in place, before agents connect. */
  void start(
      @Observes
          @Priority(Interceptor.Priority.APPLICATION + 50)
          @Initialized(ApplicationScoped.class)
          Object ignored) {
    if (!settings.enabled()) {
      return;
    }
    if (!database.isEnabled()) {
      LOG.severe(
          "nodelink.cluster.node-id is set but state persistence is off: the servers of a cluster"
              + " coordinate through the shared database; running alone");
      settings = ClusterSettings.ALONE;
      return;
    }
    heartbeat();
    long millis = settings.heartbeat().toMillis();
    heartbeats =
        scheduler.scheduleWithFixedDelay(this::heartbeat, millis, millis, TimeUnit.MILLISECONDS);
    LOG.log(
        Level.INFO,
        "Cluster node {0} at {1}: {2} other server(s) alive",
        new Object[] {settings.nodeId(), settings.advertiseUrl(), peers.size()});
  }

  /** Leaves the cluster at once, so the others stop passing requests on to this server. */
  void stop(@Observes @BeforeDestroyed(ApplicationScoped.class) Object ignored) {
    if (heartbeats == null) {
      return;
    }
    heartbeats.cancel(false);
    try {
      database.read(
          connection -> {
            ClusterTables.leave(connection, settings.nodeId());
            return null;
          });
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "Could not leave the cluster: {0}", e.getMessage());
    }
  }

  public boolean enabled() {
    return settings.enabled();
  }

  public ClusterSettings settings() {
    return settings;
  }

  /** The other servers alive at the last heartbeat. */
  public List<Peer> peers() {
    return peers;
  }

  /**
   * The other live server the agent is connected to, if the shared database says one is.
   *
   * @throws SQLException if the database cannot be read
   */
  public Optional<Peer> ownerElsewhere(String agentId) throws SQLException {
    if (!enabled()) {
      return Optional.empty();
    }
    Optional<ClusterTables.Owner> owner =
        database.read(connection -> ClusterTables.ownerOf(connection, agentId));
    if (owner.isEmpty() || owner.get().nodeId().equals(settings.nodeId())) {
      return Optional.empty();
    }
    return livePeer(owner.get().nodeId());
  }

  /** Whether another live server held the agent at the last heartbeat. */
  public boolean connectedElsewhere(String agentId) {
    return connectedElsewhere.contains(agentId);
  }

  /**
   * Whether this server watches the agents connected nowhere (their no-data alerts): the live
   * server with the lowest node id does.
   */
  public boolean watchesOfflineAgents() {
    return peers.stream().allMatch(p -> settings.nodeId().compareTo(p.nodeId()) < 0);
  }

  private Set<String> onLivePeers(List<ClusterTables.Owner> owners) {
    Set<String> live = peers.stream().map(Peer::nodeId).collect(Collectors.toSet());
    return owners.stream()
        .filter(o -> live.contains(o.nodeId()))
        .map(ClusterTables.Owner::agentId)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The other server {@code nodeId}, if it was alive at the last heartbeat. */
  public Optional<Peer> livePeer(String nodeId) {
    return peers.stream().filter(p -> p.nodeId().equals(nodeId)).findFirst();
  }

  /** Before streaming resumes on the connect (its observer has the default priority). */
  void onConnected(
      @Observes @Priority(Interceptor.Priority.APPLICATION + 100) AgentConnected event) {
    if (enabled()) {
      streaming.adoptStoredHold(event.agentId());
      ClusterTables.Owner owner =
          new ClusterTables.Owner(event.agentId(), settings.nodeId(), clock.millis());
      database.write(ownerKey(event.agentId()), c -> ClusterTables.own(c, owner));
    }
  }

  void onDisconnected(@Observes AgentDisconnected event) {
    if (enabled() && !event.replaced()) {
      String agentId = event.agentId();
      database.write(ownerKey(agentId), c -> ClusterTables.disown(c, agentId, settings.nodeId()));
    }
  }

  private static String ownerKey(String agentId) {
    return "owner:" + agentId;
  }

  private void heartbeat() {
    try {
      long now = clock.millis();
      long aliveSince = now - settings.nodeTimeout().toMillis();
      List<ClusterTables.Owner> others =
          database.read(
              connection -> {
                ClusterTables.heartbeat(
                    connection, settings.nodeId(), settings.advertiseUrl().toString(), now);
                peers =
                    ClusterTables.liveNodes(connection, aliveSince).stream()
                        .filter(n -> !n.nodeId().equals(settings.nodeId()))
                        .map(n -> new Peer(n.nodeId(), URI.create(n.url())))
                        .toList();
                return ClusterTables.ownedByOthers(connection, settings.nodeId());
              });
      connectedElsewhere = onLivePeers(others);
      peersAlive.fire(new PeersAlive(peers));
      // An agent connected here whose row names another server: that server got it later.
      others.stream().filter(owner -> isConnectedHere(owner.agentId())).forEach(this::letGo);
      takeOverTasksOfGoneServers();
      // Rules and silences changed through another server apply here from the next heartbeat.
      alertRules.reloadStored();
      silences.reloadStored();
      if (heartbeatFailing) {
        heartbeatFailing = false;
        LOG.info("Cluster heartbeat works again");
      }
    } catch (SQLException | RuntimeException e) {
      if (!heartbeatFailing) {
        heartbeatFailing = true;
        LOG.log(
            Level.WARNING,
            "Cluster heartbeat failed; the other servers will take this one as gone after {0}: {1}",
            new Object[] {settings.nodeTimeout(), e.getMessage()});
      }
    }
  }

  /**
   * The tasks of a server that stopped or died would otherwise stay unanswered and never expire:
   * one of the servers still alive holds them from then on.
   */
  private void takeOverTasksOfGoneServers() throws SQLException {
    Set<String> alive = peers.stream().map(Peer::nodeId).collect(Collectors.toSet());
    for (String holder : tasks.otherHolders()) {
      if (!alive.contains(holder)) {
        tasks.takeOver(holder);
      }
    }
  }

  private boolean isConnectedHere(String agentId) {
    return agents.channel(agentId).isPresent();
  }

  /** Closes this server's stream of an agent another server got a newer connection of. */
  private void letGo(ClusterTables.Owner newer) {
    agents
        .find(newer.agentId())
        .filter(AgentState::connected)
        .filter(
            s -> s.connectedAt() == null || s.connectedAt().toEpochMilli() < newer.sinceMillis())
        .ifPresent(
            s -> {
              LOG.log(
                  Level.INFO,
                  "Agent {0} reconnected to server {1}; closing its older stream here",
                  new Object[] {newer.agentId(), newer.nodeId()});
              agents.channel(newer.agentId()).ifPresent(c -> c.closeReplaced());
            });
  }
}
