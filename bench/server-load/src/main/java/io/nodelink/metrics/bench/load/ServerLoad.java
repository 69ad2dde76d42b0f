package io.nodelink.metrics.bench.load;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The server load benchmark's command line: {@code run} measures one scenario against a running
 * server and appends its figures to a results file; {@code table} prints a results file as
 * Markdown. {@code bench/server-load.sh} starts the server and runs the sweep.
 */
@Command(
    name = "server-load",
    mixinStandardHelpOptions = true,
    subcommands = {ServerLoad.Run.class, ServerLoad.SoakRun.class, ServerLoad.Table.class},
    description = "Load benchmark of the NodeLink server (see bench/README.md).")
public final class ServerLoad {

  public static void main(String[] args) {
    int code = new CommandLine(new ServerLoad()).execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Measures one scenario. */
  @Command(name = "run", mixinStandardHelpOptions = true, description = "Run one scenario.")
  static final class Run implements Callable<Integer> {

    @Option(names = "--scenario", defaultValue = "fleet", description = "fleet or fanout")
    String scenario;

    @Option(names = "--agents", defaultValue = "100", description = "Simulated agents (fleet).")
    int agents;

    @Option(
        names = "--watched",
        defaultValue = "200",
        description = "Agents with an SSE client, at most (fleet).")
    int watched;

    @Option(
        names = "--sse-clients",
        defaultValue = "1000",
        description = "SSE clients on the one agent (fanout).")
    int sseClients;

    @Option(names = "--warmup", defaultValue = "15", description = "Warm-up seconds.")
    int warmup;

    @Option(names = "--window", defaultValue = "45", description = "Steady window seconds.")
    int window;

    @Option(names = "--grace", defaultValue = "3", description = "Seconds to await late events.")
    int grace;

    @Mixin ServerTarget server;

    @Option(names = "--gc-log", description = "The server's GC log (-Xlog:gc:file=...).")
    Path gcLog;

    @Option(names = "--out", defaultValue = "bench-out", description = "Directory for outputs.")
    Path out;

    @Option(names = "--results", description = "Results file (TSV) to append to.")
    Path results;

    @Override
    public Integer call() throws Exception {
      Logger.getLogger("").setLevel(Level.WARNING);
      Files.createDirectories(out);
      Scenario.Plan plan =
          switch (scenario) {
            case "fleet" ->
                new Scenario.Plan(
                    "fleet",
                    agents,
                    Math.min(agents, watched),
                    1,
                    Duration.ofSeconds(warmup),
                    Duration.ofSeconds(window),
                    Duration.ofSeconds(grace));
            case "fanout" ->
                new Scenario.Plan(
                    "fanout",
                    1,
                    1,
                    sseClients,
                    Duration.ofSeconds(warmup),
                    Duration.ofSeconds(window),
                    Duration.ofSeconds(grace));
            default ->
                throw new CommandLine.ParameterException(
                    new CommandLine(this), "--scenario must be fleet or fanout");
          };
      Scenario.Target target = server.target(gcLog, out);
      // Two threads read every SSE stream and HTTP answer: the tool shares the server's cores.
      ExecutorService io =
          Executors.newFixedThreadPool(
              2,
              r -> {
                Thread t = new Thread(r, "http-client");
                t.setDaemon(true);
                return t;
              });
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(10))
              .executor(io)
              .build();
      Result result = new Scenario(plan, target, http, System.out).run();
      System.out.println(Result.table(List.of(result)));
      if (results != null) {
        result.appendTo(results);
      }
      io.shutdownNow();
      return 0;
    }
  }

  /** Runs the soak. */
  @Command(
      name = "soak",
      mixinStandardHelpOptions = true,
      description = "Well-behaved agents for a long time with churning and hostile ones beside.")
  static final class SoakRun implements Callable<Integer> {

    @Option(names = "--agents", defaultValue = "1000", description = "Well-behaved agents.")
    int agents;

    @Option(names = "--minutes", defaultValue = "60", description = "How long.")
    int minutes;

    @Option(names = "--sample-minutes", defaultValue = "5", description = "Sample period.")
    double sampleMinutes;

    @Mixin ServerTarget server;

    @Option(names = "--out", defaultValue = "bench-out", description = "Directory for outputs.")
    Path out;

    @Override
    public Integer call() throws Exception {
      Logger.getLogger("").setLevel(Level.WARNING);
      Files.createDirectories(out);
      Scenario.Target target = server.target(null, out);
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(10))
              .build();
      Soak.Plan plan =
          new Soak.Plan(
              agents,
              Duration.ofMinutes(minutes),
              Duration.ofSeconds(Math.round(sampleMinutes * 60)));
      List<Soak.Sample> samples = new Soak(plan, target, http, System.out).run();
      long errors = samples.get(samples.size() - 1).errors();
      long minHeap = samples.stream().mapToLong(Soak.Sample::liveHeapBytes).min().orElse(0);
      long maxHeap = samples.stream().mapToLong(Soak.Sample::liveHeapBytes).max().orElse(0);
      System.out.printf(
          "[soak] %d min, %d well-behaved agents: errors they saw %d; live heap after full GC"
              + " %.1f-%.1f MiB over the samples%n",
          minutes, agents, errors, minHeap / 1048576.0, maxHeap / 1048576.0);
      return errors == 0 ? 0 : 1;
    }
  }

  /** Prints a results file. */
  @Command(name = "table", mixinStandardHelpOptions = true, description = "Print results.")
  static final class Table implements Callable<Integer> {
    @Parameters(paramLabel = "RESULTS", description = "The TSV file written by run --results.")
    Path results;

    @Override
    public Integer call() throws Exception {
      List<Result> rows =
          Files.readAllLines(results).stream()
              .skip(1)
              .filter(l -> !l.isBlank())
              .map(Result::parse)
              .toList();
      System.out.print(Result.table(rows));
      return 0;
    }
  }
}
