package io.nodelink.metrics.agent.stream;

import io.grpc.stub.CallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.nodelink.metrics.agent.collect.MetricGroup;
import io.nodelink.metrics.pb.MetricsRequest;
import io.nodelink.metrics.pb.MetricsResponse;
import io.nodelink.metrics.pb.MetricsStreamRequest;
import io.nodelink.metrics.pb.TaskCancelResponse;
import io.nodelink.metrics.pb.TaskRequest;
import io.nodelink.metrics.pb.TaskResponse;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The agent's side of one {@code StreamTasks} call: answers the server's task requests and runs the
 * streaming task (as the task flow in docs/wire-protocol.md describes it). All work runs on the
 * scheduler and under this object's lock, so responses never interleave on the stream.
 */
public final class TaskSession {
  private static final Logger LOG = Logger.getLogger(TaskSession.class.getName());

  /** Default interval when START carries 0. */
  public static final int DEFAULT_INTERVAL = 5;

  /** Allowed intervals in seconds. */
  public static final int MIN_INTERVAL = 1;

  public static final int MAX_INTERVAL = 300;

  /** The running stream: its task id, period, groups and schedule. */
  private static final class Streaming {
    final String taskId;
    int intervalSeconds;
    Set<MetricGroup> groups;
    SlotSchedule schedule;

    Streaming(String taskId, int intervalSeconds, Set<MetricGroup> groups) {
      this.taskId = taskId;
      this.intervalSeconds = intervalSeconds;
      this.groups = groups;
    }
  }

  private final String agentId;
  private final SnapshotSource source;
  private final ScheduledExecutorService scheduler;
  private final StreamObserver<TaskResponse> out;
  private final boolean quiet;
  private final SnapshotBuffer buffer;
  private Streaming streaming;
  private boolean closed;
  private boolean streamCommanded;
  private boolean replaying;
  private long replayed;
  private long skipped;

  /**
   * @param agentId our id, set on every response
   * @param source the data
   * @param scheduler runs sampling and request handling
   * @param out the request stream to the server
   * @param quiet log per-stream events at FINE instead of INFO (simulated agents)
   * @param buffer snapshots kept while they could not be sent, replayed by {@link #replay()}
   */
  public TaskSession(
      String agentId,
      SnapshotSource source,
      ScheduledExecutorService scheduler,
      StreamObserver<TaskResponse> out,
      boolean quiet,
      SnapshotBuffer buffer) {
    this.agentId = agentId;
    this.source = source;
    this.scheduler = scheduler;
    this.out = out;
    this.quiet = quiet;
    this.buffer = buffer;
  }

  /** A session without a buffer: samples the server cannot take are dropped. */
  public TaskSession(
      String agentId,
      SnapshotSource source,
      ScheduledExecutorService scheduler,
      StreamObserver<TaskResponse> out,
      boolean quiet) {
    this(agentId, source, scheduler, out, quiet, SnapshotBuffer.disabled());
  }

  /** Queues a request from the server (called on a gRPC thread). */
  public void onRequest(TaskRequest request) {
    try {
      scheduler.execute(() -> handle(request));
    } catch (RejectedExecutionException e) {
      LOG.log(Level.FINE, "agent stopping; request {0} dropped", request.getTaskId());
    }
  }

  /** True once the call ended (the connection replaces the session). */
  public synchronized boolean isClosed() {
    return closed;
  }

  /** True while a stream is running (for tests and status). */
  public synchronized boolean isStreaming() {
    return streaming != null;
  }

  /** The stream running now, for sampling on after the connection ends; empty when none runs. */
  public synchronized Optional<StreamSpec> streamSpec() {
    return streaming == null
        ? Optional.empty()
        : Optional.of(
            new StreamSpec(
                streaming.taskId,
                streaming.intervalSeconds,
                streaming.groups,
                streaming.schedule.nextSlotMillis()));
  }

  /** True once the server sent START, STOP, UPDATE_INTERVAL or a cancel on this call. */
  public synchronized boolean streamCommanded() {
    return streamCommanded;
  }

  /**
   * Starts sending the buffer, oldest first, as far as flow control lets it; {@link #drain()}
   * continues each time the call becomes ready again.
   */
  public synchronized void replay() {
    replaying = true;
    drain();
  }

  /** Sends buffered snapshots while the call is ready; called again from the onReady handler. */
  public synchronized void drain() {
    if (!replaying || closed) {
      return;
    }
    while (!closed && ready()) {
      TaskResponse next = buffer.poll();
      if (next == null) {
        break;
      }
      send(next.toBuilder());
      replayed++;
    }
    if (replayed > 0 && buffer.isEmpty()) {
      log("sent {0} snapshot(s) kept while the server was unreachable", replayed);
      replayed = 0;
    }
  }

  /** Handles one request; public for tests that drive the session synchronously. */
  public synchronized void handle(TaskRequest request) {
    if (closed) {
      return;
    }
    String taskId = request.getTaskId();
    try {
      switch (request.getTaskCase()) {
        case TASK_CANCEL -> cancel(taskId, request.getTaskCancel().getReason());
        case METRICS_REQUEST -> metrics(taskId, request.getMetricsRequest());
        default -> fail(taskId, "unsupported task: this agent only runs metrics tasks");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "task " + taskId + " failed", e);
      fail(taskId, "agent error: " + e);
    }
  }

  private void metrics(String taskId, MetricsRequest request) {
    switch (request.getRequestTypeCase()) {
      case SYSTEM_INFO -> {
        log("system info requested (task {0})", taskId);
        send(
            response(taskId, TaskResponse.Status.COMPLETED, true)
                .setMetricsResponse(
                    MetricsResponse.newBuilder()
                        .setSystemInfo(source.systemInfo(request.getSystemInfo()))));
      }
      case STREAM_REQUEST -> stream(taskId, request.getStreamRequest());
      case QUERY_REQUEST ->
          fail(taskId, "query_request is not supported: the server keeps history");
      default -> fail(taskId, "empty metrics request");
    }
  }

  private void stream(String taskId, MetricsStreamRequest r) {
    streamCommanded = true;
    switch (r.getAction()) {
      case START -> start(taskId, r);
      case STOP -> stop(taskId);
      case UPDATE_INTERVAL -> update(taskId, r);
      default -> fail(taskId, "unknown stream action " + r.getActionValue());
    }
  }

  private void start(String taskId, MetricsStreamRequest r) {
    int interval = r.getIntervalSeconds() == 0 ? DEFAULT_INTERVAL : r.getIntervalSeconds();
    if (!validInterval(interval)) {
      fail(taskId, badInterval(r.getIntervalSeconds()));
      return;
    }
    if (streaming != null) {
      endStream("replaced by task " + taskId);
    }
    Set<MetricGroup> groups = MetricGroup.select(r.getMetricsList());
    streaming = new Streaming(taskId, interval, groups);
    send(response(taskId, TaskResponse.Status.IN_PROGRESS, false));
    source.prime(groups);
    schedule(streaming, source.firstSampleDelayMillis());
    log("streaming at {0} s (task {1}, groups {2})", interval, taskId, groups);
  }

  private void stop(String taskId) {
    if (streaming != null) {
      log("streaming stopped (task {0})", streaming.taskId);
      if (!streaming.taskId.equals(taskId)) {
        endStream("stopped by task " + taskId);
      } else {
        cancelSchedule();
      }
    }
    send(response(taskId, TaskResponse.Status.COMPLETED, true));
  }

  private void update(String taskId, MetricsStreamRequest r) {
    int interval = r.getIntervalSeconds();
    if (!validInterval(interval)) {
      fail(taskId, badInterval(interval));
      return;
    }
    if (streaming == null) {
      fail(taskId, "not streaming: send START first");
      return;
    }
    if (r.getMetricsCount() > 0) {
      Set<MetricGroup> groups = MetricGroup.select(r.getMetricsList());
      EnumSet<MetricGroup> added = EnumSet.noneOf(MetricGroup.class);
      added.addAll(groups);
      added.removeAll(streaming.groups);
      source.prime(added);
      streaming.groups = groups;
    }
    streaming.intervalSeconds = interval;
    streaming.schedule.cancel();
    schedule(streaming, interval * 1000L);
    send(response(taskId, TaskResponse.Status.COMPLETED, true));
    log("streaming at {0} s (task {1}, groups {2})", interval, streaming.taskId, streaming.groups);
  }

  private void cancel(String taskId, String reason) {
    streamCommanded = true;
    if (streaming == null || !streaming.taskId.equals(taskId)) {
      fail(taskId, "no running task " + taskId + " to cancel");
      return;
    }
    cancelSchedule();
    log("streaming cancelled (task {0}): {1}", taskId, reason);
    send(
        response(taskId, TaskResponse.Status.COMPLETED, true)
            .setCancelled(true)
            .setTaskCancel(
                TaskCancelResponse.newBuilder()
                    .setMessage(
                        reason.isEmpty()
                            ? "streaming cancelled"
                            : "streaming cancelled: " + reason)));
  }

  /** Ends the running stream with COMPLETED/is_final on its task id. */
  private void endStream(String why) {
    String id = streaming.taskId;
    cancelSchedule();
    LOG.log(Level.FINE, "stream {0} ended: {1}", new Object[] {id, why});
    send(response(id, TaskResponse.Status.COMPLETED, true));
  }

  private void cancelSchedule() {
    if (streaming != null && streaming.schedule != null) {
      streaming.schedule.cancel();
    }
    streaming = null;
  }

  private void schedule(Streaming s, long firstDelayMillis) {
    s.schedule =
        SlotSchedule.start(
            scheduler,
            Clock.systemUTC(),
            firstDelayMillis,
            s.intervalSeconds * 1000L,
            second -> sample(s, second));
  }

  private synchronized void sample(Streaming s, long second) {
    if (closed || streaming != s) {
      return; // a late run of a replaced or cancelled schedule
    }
    if (!ready()) {
      keepOrSkip(s, second);
      return;
    }
    send(
        response(s.taskId, TaskResponse.Status.IN_PROGRESS, false)
            .setMetricsResponse(
                MetricsResponse.newBuilder().setMetricsData(source.collect(s.groups, second))));
  }

  private boolean ready() {
    return !(out instanceof CallStreamObserver<?> call) || call.isReady();
  }

  /** The server is not reading: keep the sample in the bounded buffer, or drop it without one. */
  private void keepOrSkip(Streaming s, long second) {
    if (buffer.enabled()) {
      buffer.add(SnapshotBuffer.buffered(agentId, s.taskId, source.collect(s.groups, second)));
      replaying = true; // sent when the call is ready again
      return;
    }
    if (skipped++ % 60 == 0) {
      LOG.log(Level.WARNING, "server not keeping up; skipped {0} snapshot(s)", skipped);
    }
  }

  /**
   * Stops streaming. With {@code finalMessage} (a clean shutdown) the running task is ended with
   * COMPLETED/is_final first and the stream is half-closed.
   */
  public synchronized void close(boolean finalMessage) {
    if (closed) {
      return;
    }
    if (finalMessage && streaming != null) {
      endStream("agent shutting down");
    }
    cancelSchedule();
    closed = true;
    if (finalMessage) {
      try {
        out.onCompleted();
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "half-close failed", e);
      }
    }
  }

  private void fail(String taskId, String reason) {
    LOG.log(
        quiet ? Level.FINE : Level.WARNING, "task {0} refused: {1}", new Object[] {taskId, reason});
    // The contract has no error field; the reason travels in task_cancel.message.
    send(
        response(taskId, TaskResponse.Status.FAILURE, true)
            .setTaskCancel(TaskCancelResponse.newBuilder().setMessage(reason)));
  }

  private TaskResponse.Builder response(String taskId, TaskResponse.Status status, boolean fin) {
    return TaskResponse.newBuilder()
        .setAgentId(agentId)
        .setTaskId(taskId)
        .setStatus(status)
        .setIsFinal(fin);
  }

  private void send(TaskResponse.Builder response) {
    if (closed) {
      return;
    }
    try {
      out.onNext(response.build());
    } catch (RuntimeException e) {
      // The call is already cancelled; the connection's observer reconnects.
      LOG.log(Level.FINE, "send failed: {0}", e.toString());
    }
  }

  private static boolean validInterval(int seconds) {
    return seconds >= MIN_INTERVAL && seconds <= MAX_INTERVAL;
  }

  private static String badInterval(int seconds) {
    return "interval_seconds must be between "
        + MIN_INTERVAL
        + " and "
        + MAX_INTERVAL
        + ", got "
        + Integer.toUnsignedString(seconds);
  }

  private void log(String msg, Object... args) {
    LOG.log(quiet ? Level.FINE : Level.INFO, msg, args);
  }
}
