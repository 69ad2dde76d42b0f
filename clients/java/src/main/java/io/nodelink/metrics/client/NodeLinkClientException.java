package io.nodelink.metrics.client;

/**
 * A failed API call: the HTTP status (0 when no HTTP answer came — connection refused, timeout) and
 * the server's {@code error} text, or a description of what went wrong without one.
 */
public class NodeLinkClientException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String error;
  private final String request;
  private final transient Object details;

  /**
   * @param status the HTTP status, 0 without an HTTP answer
   * @param error the server's {@code error} text
   * @param request the request, e.g. {@code GET /agents/a1/metrics}
   * @param details the server's optional {@code details} (maps, lists, strings, numbers), or null
   * @param cause what failed underneath, or null
   */
  public NodeLinkClientException(
      int status, String error, String request, Object details, Throwable cause) {
    super(
        request + " failed: " + (status == 0 ? "no response" : "HTTP " + status) + ": " + error,
        cause);
    this.status = status;
    this.error = error;
    this.request = request;
    this.details = details;
  }

  /** The HTTP status, or 0 when the request got no HTTP answer. */
  public int status() {
    return status;
  }

  /** The server's {@code error} text (or what went wrong without one). */
  public String error() {
    return error;
  }

  /** The request that failed, e.g. {@code POST /agents/a1/metrics/start}. */
  public String request() {
    return request;
  }

  /** The server's optional {@code details}, or null. */
  public Object details() {
    return details;
  }

  /** True for 404: the agent, task or data does not exist (yet). */
  public boolean isNotFound() {
    return status == 404;
  }
}
