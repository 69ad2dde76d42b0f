package io.nodelink.metrics.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nodelink.metrics.pb.MetricsDataResponse;
import io.nodelink.metrics.pb.ProcessMetrics;
import io.nodelink.metrics.pb.TaskProcessMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessCollectorTest {
  private static final long PAGE = 4096;
  @TempDir Path dir;
  private ProcTree tree;
  private final FakeClock clock = new FakeClock();

  @BeforeEach
  void setUp() {
    tree = new ProcTree(dir);
    tree.proc("self/stat", "not a pid dir");
    tree.proc("meminfo", "MemTotal: 1 kB\n");
  }

  /** Writes /proc/pid/stat with the given state, cpu ticks, threads, start, vsize and rss. */
  private void process(int pid, String comm, char state, long ticks, long start, String cmdline) {
    tree.proc(
        pid + "/stat",
        pid
            + " ("
            + comm
            + ") "
            + state
            + " 1 1 1 0 -1 0 0 0 0 0 "
            + ticks
            + " 0 0 0 20 0 3 0 "
            + start
            + " 1000000 100 0 0 0\n");
    tree.proc(pid + "/cmdline", cmdline.replace(' ', '\0') + "\0");
    tree.proc(
        pid + "/io",
        "rchar: 1\nwchar: 2\nread_bytes: " + pid * 10 + "\nwrite_bytes: " + pid + "\n");
  }

  private ProcessMetrics collect(ProcessCollector c) throws Exception {
    MetricsDataResponse.Builder out = MetricsDataResponse.newBuilder();
    c.collect(out);
    return out.getProcesses();
  }

  private static TrackRule byName(String name, String regex) {
    return new TrackRule(name, Pattern.compile(regex), null, null);
  }

  @Test
  void countsProcessesByStateFromStatFiles() throws Exception {
    process(1, "init", 'S', 0, 1, "/sbin/init");
    process(2, "kthreadd", 'I', 0, 1, "");
    process(10, "busy", 'R', 0, 5, "busy");
    process(11, "stuck", 'D', 0, 5, "stuck");
    process(12, "dead", 'Z', 0, 5, "");
    process(13, "paused", 'T', 0, 5, "paused");
    ProcessCollector c = new ProcessCollector(tree.fs, List.of(), PAGE, clock, 0);

    ProcessMetrics m = collect(c);

    assertThat(m.getTotalProcesses()).isEqualTo(6);
    assertThat(m.getRunningProcesses()).isEqualTo(1);
    assertThat(m.getSleepingProcesses()).isEqualTo(3);
    assertThat(m.getZombieProcesses()).isEqualTo(1);
    assertThat(m.getTaskProcessesList()).isEmpty();
  }

  @Test
  void trackedProcessesAreSummedPerRuleWithCpuOverTheInterval() throws Exception {
    process(100, "nginx", 'S', 1000, 50, "nginx: master process");
    process(101, "nginx", 'S', 500, 60, "nginx: worker process");
    process(200, "postgres", 'S', 0, 70, "postgres -D /var/lib/pg");
    ProcessCollector c =
        new ProcessCollector(tree.fs, List.of(byName("web", "nginx")), PAGE, clock, 0);
    c.prime();
    clock.advanceSeconds(2);
    process(100, "nginx", 'S', 1100, 50, "nginx: master process"); // +100 ticks = 1 s of CPU
    process(101, "nginx", 'R', 600, 60, "nginx: worker process"); // +100 ticks

    TaskProcessMetrics web = collect(c).getTaskProcesses(0);

    assertThat(web.getTaskId()).isEqualTo("web");
    assertThat(web.getPid()).isEqualTo(100); // the oldest
    assertThat(web.getCpuPercent()).isCloseTo(100, within(1e-9)); // 2 s of CPU in 2 s
    assertThat(web.getMemoryBytes()).isEqualTo(2 * 100 * PAGE);
    assertThat(web.getVirtualMemoryBytes()).isEqualTo(2 * 1_000_000);
    assertThat(web.getThreads()).isEqualTo(6);
    assertThat(web.getReadBytes()).isEqualTo(1000 + 1010);
    assertThat(web.getWriteBytes()).isEqualTo(201);
  }

  @Test
  void aReusedPidDoesNotProduceACpuSpike() throws Exception {
    process(100, "worker", 'S', 50, 10, "worker");
    ProcessCollector c =
        new ProcessCollector(tree.fs, List.of(byName("w", "worker")), PAGE, clock, 0);
    c.prime();
    clock.advanceSeconds(1);
    process(100, "worker", 'S', 90_000, 999, "worker"); // a different process, same pid
    assertThat(collect(c).getTaskProcesses(0).getCpuPercent()).isZero();
  }

  @Test
  void commandLineAndPidFileRulesMatchAndMissingProcessesReportPidZero() throws Exception {
    process(300, "java", 'S', 0, 10, "java -jar /opt/app/shop.jar");
    process(301, "java", 'S', 0, 11, "java -jar other.jar");
    process(400, "redis-server", 'S', 0, 12, "redis-server *:6379");
    Path pidFile = dir.resolve("redis.pid");
    Files.writeString(pidFile, "400\n");
    List<TrackRule> rules =
        List.of(
            new TrackRule("shop", null, Pattern.compile("shop\\.jar"), null),
            new TrackRule("redis", null, null, pidFile),
            new TrackRule("absent", Pattern.compile("mysqld"), null, null));
    ProcessCollector c = new ProcessCollector(tree.fs, rules, PAGE, clock, 0);

    List<TaskProcessMetrics> tasks = collect(c).getTaskProcessesList();

    assertThat(tasks)
        .extracting(TaskProcessMetrics::getTaskId)
        .containsExactly("shop", "redis", "absent");
    assertThat(tasks).extracting(TaskProcessMetrics::getPid).containsExactly(300, 400, 0);
    assertThat(tasks.get(2).getMemoryBytes()).isZero();
  }

  @Test
  void commandLineIsReReadWhenAProcessExecs() throws Exception {
    process(500, "sh", 'S', 0, 10, "sh -c start");
    ProcessCollector c =
        new ProcessCollector(
            tree.fs,
            List.of(new TrackRule("app", null, Pattern.compile("myapp"), null)),
            PAGE,
            clock,
            0);
    assertThat(collect(c).getTaskProcesses(0).getPid()).isZero();
    process(500, "myapp", 'S', 0, 10, "/usr/bin/myapp --serve"); // exec replaced the image
    assertThat(collect(c).getTaskProcesses(0).getPid()).isEqualTo(500);
  }

  @Test
  void betweenWalksCountsAreReusedButTrackedProcessesAreReadAfresh() throws Exception {
    process(100, "nginx", 'S', 0, 50, "nginx");
    process(7, "other", 'R', 0, 1, "other");
    ProcessCollector c =
        new ProcessCollector(
            tree.fs,
            List.of(byName("web", "nginx")),
            PAGE,
            clock,
            java.util.concurrent.TimeUnit.SECONDS.toNanos(5));
    c.prime();
    clock.advanceSeconds(1);
    process(8, "newcomer", 'R', 0, 2, "newcomer");
    process(100, "nginx", 'S', 50, 50, "nginx"); // half a second of CPU in the last second

    ProcessMetrics m = collect(c);
    assertThat(m.getTotalProcesses()).isEqualTo(2); // the walk from prime(); not yet due
    assertThat(m.getTaskProcesses(0).getCpuPercent()).isCloseTo(50, within(1e-9));

    clock.advanceSeconds(5);
    m = collect(c);
    assertThat(m.getTotalProcesses()).isEqualTo(3);
    assertThat(m.getRunningProcesses()).isEqualTo(2);
  }

  @Test
  void cmdlineNulsBecomeSpaces() {
    assertThat(ProcessCollector.parseCmdline("a\0b c\0\0".getBytes())).isEqualTo("a b c");
    assertThat(ProcessCollector.parseIo(List.of("read_bytes: 7", "write_bytes: 9")))
        .containsExactly(7, 9);
  }
}
