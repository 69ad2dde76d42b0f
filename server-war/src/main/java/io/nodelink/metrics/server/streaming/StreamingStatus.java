package io.nodelink.metrics.server.streaming;

/**
 * Streaming on one agent as the server sees it.
 *
 * @param active the agent is connected and streams for a holder (SSE clients, a manual start) by a
 *     task that has not ended (sent, acknowledged or delivering data; not stopped, failed or
 *     cancelled); the collection baseline alone does not make it active
 * @param wanted someone holds streaming on (SSE clients, a manual start)
 * @param intervalSeconds the interval the agent streams at, 0 when not active
 * @param taskId the running stream's task id, "" when not active
 * @param holders how many holders there are
 * @param collectionIntervalSeconds the interval the agent streams at now, baseline included; 0 when
 *     it does not stream
 * @param lastError why the last streaming command could not be sent or was refused by the agent, ""
 *     when the last one went out and was not refused
 */
public record StreamingStatus(
    boolean active,
    boolean wanted,
    int intervalSeconds,
    String taskId,
    int holders,
    int collectionIntervalSeconds,
    String lastError) {

  /** An agent nobody asked to stream. */
  public static final StreamingStatus IDLE = new StreamingStatus(false, false, 0, "", 0, 0, "");
}
