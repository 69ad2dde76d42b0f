package io.nodelink.metrics.agent;

import io.grpc.ManagedChannel;
import io.nodelink.metrics.agent.collect.MetricGroup;
import io.nodelink.metrics.agent.config.AgentConfig;
import io.nodelink.metrics.agent.config.ConfigException;
import io.nodelink.metrics.agent.config.ConfigLoader;
import io.nodelink.metrics.agent.json.ProtoJson;
import io.nodelink.metrics.agent.oshi.OshiHostIdentity;
import io.nodelink.metrics.agent.sim.Simulator;
import io.nodelink.metrics.agent.stream.AgentConnection;
import io.nodelink.metrics.agent.stream.Backoff;
import io.nodelink.metrics.agent.stream.Channels;
import io.nodelink.metrics.agent.stream.HostIdentity;
import io.nodelink.metrics.agent.stream.HostSnapshotSource;
import io.nodelink.metrics.agent.stream.SnapshotBuffer;
import io.nodelink.metrics.pb.SystemInfoRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code nodelink-agent} command line. Every flag maps to a property key (see {@link
 * AgentConfig#KEYS}); flags beat {@code NODELINK_*} environment variables, which beat the
 * properties file. NodeLink's Go-style {@code -agent_id}/{@code -agent_token} work too.
 */
@Command(
    name = "nodelink-agent",
    mixinStandardHelpOptions = true,
    version = "nodelink-agent 1.0.0",
    sortOptions = false,
    description = "Streams this host's metrics to a NodeLink Metrics server over gRPC.")
public final class AgentCli implements Callable<Integer> {
  private static final Logger LOG = Logger.getLogger(AgentCli.class.getName());

  @Option(
      names = {"-c", "--config"},
      description =
          "Properties file (default /etc/nodelink/agent.properties; Windows"
              + " %ProgramData%\\NodeLink\\agent.properties; macOS /Library/Application"
              + " Support/NodeLink/agent.properties; may be missing).")
  Path config;

  @Option(
      names = {"-s", "--server"},
      description =
          "Server gRPC address host:port (default 127.0.0.1:9090), or several separated by"
              + " commas: the first that answers, failing over in order.")
  String server;

  @Option(
      names = {"--agent-id", "-agent_id", "--agent_id"},
      description = "Agent id (default: the hostname).")
  String agentId;

  @Option(
      names = {"--agent-token", "-agent_token", "--agent_token"},
      description = "Agent token (prefer --token-file or NODELINK_AGENT_TOKEN).")
  String agentToken;

  @Option(names = "--token-file", description = "File holding the agent token.")
  Path tokenFile;

  @Option(
      names = "--tls",
      arity = "0..1",
      fallbackValue = "true",
      description = "Connect with TLS.")
  Boolean tls;

  @Option(names = "--ca-file", description = "PEM file of CAs to trust (implies --tls).")
  Path caFile;

  @Option(names = "--trust-store", description = "PKCS12/JKS trust store (implies --tls).")
  Path trustStore;

  @Option(names = "--tls-authority", description = "Server name to verify in its certificate.")
  String tlsAuthority;

  @Option(
      names = "--tls-cert",
      description = "PEM client certificate naming the agent id, for mutual TLS (implies --tls).")
  Path tlsCert;

  @Option(names = "--tls-key", description = "PEM PKCS#8 private key of --tls-cert.")
  Path tlsKey;

  @Option(names = "--once", description = "Print one metrics snapshot as JSON and exit.")
  boolean once;

  @Option(names = "--system-info", description = "Print the system information as JSON and exit.")
  boolean systemInfo;

  @Option(
      names = "--simulate",
      paramLabel = "N",
      description = "Run N simulated agents with ids <agent-id>-<i> (load testing).")
  Integer simulate;

  @Option(names = "--simulate-channels", description = "Channels the simulated agents share.")
  Integer simulateChannels;

  @Option(names = "--procfs", description = "procfs root (default /proc).")
  Path procfs;

  @Option(names = "--sysfs", description = "sysfs root (default /sys).")
  Path sysfs;

  @Option(names = "--rootfs", description = "Root filesystem for /etc and package databases.")
  Path rootfs;

  @Option(
      names = "--collectors",
      paramLabel = "procfs|oshi|auto",
      description = "How memory, disks, network and processes are read (default auto).")
  String collectors;

  @Option(names = "--log-level", description = "java.util.logging level (default INFO).")
  String logLevel;

  @Option(
      names = "-v",
      paramLabel = "LEVEL",
      description = "NodeLink-style verbosity: 0 INFO, 1 FINE, 2 and more FINEST.")
  Integer verbosity;

  @Option(
      names = {"-D", "--set"},
      paramLabel = "KEY=VALUE",
      description = "Any property key, e.g. -Dtrack.nginx.name=nginx")
  Map<String, String> set = new LinkedHashMap<>();

  /** The flags as property keys (only those given). */
  Map<String, String> flagValues() {
    Map<String, String> v = new LinkedHashMap<>(set);
    put(v, AgentConfig.SERVER, server);
    put(v, AgentConfig.AGENT_ID, agentId);
    put(v, AgentConfig.TOKEN, agentToken);
    put(v, AgentConfig.TOKEN_FILE, tokenFile);
    put(v, AgentConfig.TLS, tls);
    put(v, AgentConfig.TLS_CA_FILE, caFile);
    put(v, AgentConfig.TLS_TRUST_STORE, trustStore);
    put(v, AgentConfig.TLS_AUTHORITY, tlsAuthority);
    put(v, AgentConfig.TLS_CERT_FILE, tlsCert);
    put(v, AgentConfig.TLS_KEY_FILE, tlsKey);
    if (caFile != null || trustStore != null || tlsCert != null) {
      v.putIfAbsent(AgentConfig.TLS, "true");
    }
    put(v, AgentConfig.SIMULATE, simulate);
    put(v, AgentConfig.SIMULATE_CHANNELS, simulateChannels);
    put(v, AgentConfig.PROCFS, procfs);
    put(v, AgentConfig.SYSFS, sysfs);
    put(v, AgentConfig.ROOTFS, rootfs);
    put(v, AgentConfig.COLLECTORS, collectors);
    put(v, AgentConfig.LOG_LEVEL, logLevel);
    if (verbosity != null) {
      v.put(AgentConfig.LOG_LEVEL, verbosity <= 0 ? "INFO" : verbosity == 1 ? "FINE" : "FINEST");
    }
    return v;
  }

  private static void put(Map<String, String> v, String key, Object value) {
    if (value != null) {
      v.put(key, value.toString());
    }
  }

  /** The merged configuration for this command line and environment. */
  AgentConfig resolve(Map<String, String> env) {
    return ConfigLoader.load(config, env, flagValues());
  }

  @Override
  public Integer call() throws Exception {
    AgentConfig cfg;
    try {
      cfg = resolve(System.getenv());
    } catch (ConfigException e) {
      System.err.println("nodelink-agent: " + e.getMessage());
      return 2;
    }
    Logging.configure(cfg.logLevel());
    if (once || systemInfo) {
      return printOnce(cfg);
    }
    if (cfg.agentToken().isEmpty()) {
      System.err.println(
          "nodelink-agent: no agent token (use --token-file, NODELINK_AGENT_TOKEN or"
              + " agent.token)");
      return 2;
    }
    return cfg.simulate() > 0 ? simulate(cfg) : run(cfg);
  }

  private int printOnce(AgentConfig cfg) throws InterruptedException {
    HostSnapshotSource source = HostAgent.source(cfg);
    String json;
    if (systemInfo) {
      json =
          ProtoJson.withAgentId(
              cfg.agentId(), source.systemInfo(SystemInfoRequest.getDefaultInstance()));
    } else {
      EnumSet<MetricGroup> all = EnumSet.allOf(MetricGroup.class);
      source.prime(all);
      Thread.sleep(1000); // rates and CPU shares need an interval
      json =
          ProtoJson.withAgentId(
              cfg.agentId(), source.collect(all, java.time.Instant.now().getEpochSecond()));
    }
    PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
    out.println(json);
    return 0;
  }

  private int run(AgentConfig cfg) throws InterruptedException {
    LOG.info(() -> "starting " + cfg);
    HostSnapshotSource source = HostAgent.source(cfg);
    ManagedChannel channel = Channels.forConfig(cfg);
    ScheduledThreadPoolExecutor scheduler =
        new ScheduledThreadPoolExecutor(1, r -> new Thread(r, "agent"));
    scheduler.setRemoveOnCancelPolicy(true); // UPDATE_INTERVAL and STOP cancel schedules
    AgentConnection connection =
        new AgentConnection(
            cfg.agentId(),
            cfg.agentToken(),
            cfg.server(),
            channel,
            source,
            scheduler,
            new Backoff(
                cfg.reconnectInitialSeconds() * 1000L,
                cfg.reconnectMaxSeconds() * 1000L,
                () -> ThreadLocalRandom.current().nextDouble()),
            false,
            new SnapshotBuffer(cfg.bufferMaxSeconds(), cfg.bufferMaxBytes()),
            HostIdentity.read(cfg.procRoot(), cfg.rootfs()).orElse(OshiHostIdentity::read));
    CountDownLatch done = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("stopping");
                  try {
                    connection.stop(2000);
                    scheduler.shutdown();
                    channel.shutdown().awaitTermination(2, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  } finally {
                    channel.shutdownNow();
                    scheduler.shutdownNow();
                    LOG.info("stopped");
                    Logging.flush();
                    done.countDown();
                  }
                },
                "shutdown"));
    connection.start();
    done.await();
    return 0;
  }

  private int simulate(AgentConfig cfg) throws InterruptedException {
    Simulator sim = Simulator.forConfig(cfg);
    CountDownLatch done = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    sim.close();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  } finally {
                    LOG.info("simulator stopped");
                    Logging.flush();
                    done.countDown();
                  }
                },
                "shutdown"));
    sim.start();
    done.await();
    return 0;
  }

  /** Runs the command line; returns the exit code. */
  public static int execute(String... args) {
    return new CommandLine(new AgentCli()).execute(args);
  }
}
