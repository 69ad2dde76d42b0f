/**
 * A failed API call. `status` is the HTTP status (0 when no HTTP answer came: network error,
 * timeout, abort) and `error` the server's `error` text, or a description of what went wrong
 * when the answer had no JSON error body.
 */
export class MetricsClientError extends Error {
  override readonly name = 'MetricsClientError';

  constructor(
    /** The HTTP status, or 0 when the request got no HTTP answer. */
    readonly status: number,
    /** The server's `error` text (or what went wrong without one). */
    readonly error: string,
    /** The request, e.g. `GET /agents/a1/metrics`. */
    readonly request: string,
    /** The server's optional `details`. */
    readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(`${request} failed: ${status === 0 ? 'no response' : `HTTP ${status}`}: ${error}`, options);
  }

  /** True for 404: the agent, task or data does not exist (yet). */
  get isNotFound(): boolean {
    return this.status === 404;
  }
}
