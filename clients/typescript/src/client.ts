import { MetricsClientError } from './errors.js';
import {
  type EventSourceConstructor,
  type MetricsEventSource,
  type SseEvent,
  globalEventSource,
} from './event-source.js';
import type {
  AgentStatusEvent,
  AgentTasks,
  AgentsResponse,
  HistoryQuery,
  MessageResponse,
  MetricsHistory,
  MetricsSnapshot,
  SeriesList,
  StartStreamingRequest,
  StreamingStarted,
  SystemInfo,
  TaskAccepted,
  TaskInfo,
} from './types.js';

/** How a {@link MetricsClient} talks to the server; every field is optional. */
export interface MetricsClientOptions {
  /** The `fetch` to use; default `globalThis.fetch` (browsers, Node 18+). */
  fetch?: typeof fetch;
  /**
   * The `EventSource` class for {@link MetricsClient.streamMetrics}; default the runtime's own
   * `globalThis.EventSource`, looked up at each call. Node 20 has none: pass `EventSource` from
   * the `eventsource` package, or import the client from `@nodelink/metrics-client/node`.
   */
  EventSource?: EventSourceConstructor;
  /** Sent with every REST request (not with SSE: `EventSource` cannot send headers). */
  headers?: Record<string, string>;
  /** Per-request timeout in milliseconds; default 30000, 0 for none. */
  timeoutMs?: number;
  /** Passed to `EventSource` for cross-origin streams that need cookies. */
  withCredentials?: boolean;
  /**
   * Credentials for a server that requires login: HTTP Basic (`{ username, password }`) or a
   * bearer token (`{ bearerToken }`). Sent with every REST request, and with the SSE stream where
   * the `EventSource` accepts a `fetch` (the `eventsource` package; a browser's own `EventSource`
   * sends the page's cookies instead). Without them the client sends no credentials, as before.
   */
  auth?: BasicAuth | BearerAuth;
}

/** HTTP Basic credentials (a user of the server's registry). */
export interface BasicAuth {
  username: string;
  password: string;
}

/** A bearer token, for a server or an authenticating proxy in front of it that takes one. */
export interface BearerAuth {
  bearerToken: string;
}

/** The `Authorization` header value for {@link MetricsClientOptions.auth}. */
export function authorizationHeader(auth: BasicAuth | BearerAuth): string {
  if ('bearerToken' in auth) return `Bearer ${auth.bearerToken}`;
  const bytes = new TextEncoder().encode(`${auth.username}:${auth.password}`);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return `Basic ${btoa(binary)}`;
}

/** Callbacks of {@link MetricsClient.subscribeMetrics}. */
export interface MetricsHandlers {
  /** Each snapshot, parsed. */
  onMetrics: (snapshot: MetricsSnapshot) => void;
  /** The agent went offline or came back (server extension). */
  onStatus?: (status: AgentStatusEvent) => void;
  /** The connection opened (again: `EventSource` reconnects by itself). */
  onOpen?: () => void;
  /** A connection error (the source retries unless closed) or an event that was not JSON. */
  onError?: (error: unknown) => void;
}

/** A live subscription; `close()` ends it (the server stops streaming after its last client). */
export interface MetricsSubscription {
  readonly source: MetricsEventSource;
  close(): void;
}

/** Intervals the server accepts for streaming, in seconds. */
export const MIN_INTERVAL_SECONDS = 1;
export const MAX_INTERVAL_SECONDS = 300;
export const DEFAULT_INTERVAL_SECONDS = 5;

/**
 * Client of the NodeLink Metrics REST API and its Server-Sent Events. Every method returns the
 * contract's JSON, typed; a failed call rejects with a {@link MetricsClientError} carrying the
 * HTTP status and the server's `error` text.
 *
 * ```ts
 * const client = new MetricsClient('http://localhost:8080');
 * const { agents } = await client.getAllAgents();
 * const source = client.streamMetrics('agent1', 5);
 * source.addEventListener('metrics', (e) => console.log(JSON.parse(e.data).cpu.usage_percent));
 * ```
 */
export class MetricsClient {
  /** The server's base URL without a trailing slash, e.g. `http://localhost:8080`. */
  readonly baseURL: string;
  private readonly options: MetricsClientOptions;

  constructor(baseURL: string, options: MetricsClientOptions = {}) {
    this.baseURL = baseURL.replace(/\/+$/, '');
    this.options = { ...options };
  }

  /** Every agent the server knows, online or not, by id. */
  getAllAgents(): Promise<AgentsResponse> {
    return this.request('GET', '/metrics/agents');
  }

  /** Asks the agent for fresh system information; read it later with {@link getSystemInfo}. */
  refreshSystemInfo(agentId: string): Promise<TaskAccepted> {
    return this.request('POST', `${agentPath(agentId)}/system/refresh`);
  }

  /** The agent's latest system information (404 until the agent has sent some). */
  getSystemInfo(agentId: string): Promise<SystemInfo> {
    return this.request('GET', `${agentPath(agentId)}/system`);
  }

  /** The agent's latest metrics snapshot (404 until the agent has sent one). */
  getCurrentMetrics(agentId: string): Promise<MetricsSnapshot> {
    return this.request('GET', `${agentPath(agentId)}/metrics`);
  }

  /**
   * Opens a Server-Sent Events stream of the agent's snapshots: listen with
   * `addEventListener('metrics', e => JSON.parse(e.data))` (and `'status'` for online/offline
   * changes). The server starts streaming on the agent for the first client and stops it after
   * the last one closes. Throws `RangeError` for an interval outside 1–300 s, since an
   * `EventSource` cannot report the server's 400.
   */
  streamMetrics(agentId: string, interval: number = DEFAULT_INTERVAL_SECONDS): MetricsEventSource {
    checkInterval(interval);
    const EventSourceClass = this.options.EventSource ?? globalEventSource();
    if (!EventSourceClass) {
      throw new TypeError(
        'No EventSource in this runtime: pass { EventSource } from the "eventsource" package ' +
          'in the client options, or import the client from "@nodelink/metrics-client/node"',
      );
    }
    const url = `${this.baseURL}${agentPath(agentId)}/metrics/stream?interval=${interval}`;
    const withCredentials = this.options.withCredentials ?? false;
    const auth = this.options.auth;
    if (!auth) return new EventSourceClass(url, { withCredentials });
    const authorization = authorizationHeader(auth);
    const fetchFn = this.options.fetch ?? globalThis.fetch;
    return new EventSourceClass(url, {
      withCredentials,
      fetch: (input, init) =>
        fetchFn(input, {
          ...init,
          headers: { ...(init?.headers as Record<string, string>), Authorization: authorization },
        }),
    });
  }

  /**
   * {@link streamMetrics} with parsed events: `onMetrics` gets each snapshot as an object.
   * Close the returned subscription when done.
   */
  subscribeMetrics(
    agentId: string,
    handlers: MetricsHandlers,
    interval: number = DEFAULT_INTERVAL_SECONDS,
  ): MetricsSubscription {
    const source = this.streamMetrics(agentId, interval);
    const parsed =
      <T>(deliver: (value: T) => void) =>
      (event: SseEvent) => {
        let value: T;
        try {
          value = JSON.parse(event.data) as T;
        } catch (error) {
          handlers.onError?.(error);
          return;
        }
        deliver(value);
      };
    source.addEventListener('metrics', parsed(handlers.onMetrics));
    if (handlers.onStatus) source.addEventListener('status', parsed(handlers.onStatus));
    if (handlers.onOpen) source.onopen = () => handlers.onOpen?.();
    if (handlers.onError) source.onerror = (event: unknown) => handlers.onError?.(event);
    return { source, close: () => source.close() };
  }

  /**
   * Starts streaming on the agent without an SSE client; it goes on until
   * {@link stopMetricsStreaming} or {@link cancelTask} of the returned task. A bad interval is
   * the server's 400.
   */
  startMetricsStreaming(
    agentId: string,
    request: StartStreamingRequest = {},
  ): Promise<StreamingStarted> {
    return this.request('POST', `${agentPath(agentId)}/metrics/start`, request);
  }

  /** Stops the streaming a {@link startMetricsStreaming} started. */
  stopMetricsStreaming(agentId: string): Promise<TaskAccepted> {
    return this.request('POST', `${agentPath(agentId)}/metrics/stop`);
  }

  /** The agent's history, raw or in aligned buckets (see {@link HistoryQuery}). */
  getHistoricalMetrics(agentId: string, query: HistoryQuery = {}): Promise<MetricsHistory> {
    const params = new URLSearchParams();
    if (query.metrics && query.metrics.length > 0) params.set('metrics', query.metrics.join(','));
    for (const key of ['start', 'end', 'interval', 'max_points'] as const) {
      const value = query[key];
      if (value !== undefined) params.set(key, String(value));
    }
    if (query.agg !== undefined) params.set('agg', query.agg);
    const search = params.toString();
    return this.request('GET', `${agentPath(agentId)}/metrics/history${search ? `?${search}` : ''}`);
  }

  /** Extension: the names of the history series the agent has. */
  getMetricSeries(agentId: string): Promise<SeriesList> {
    return this.request('GET', `${agentPath(agentId)}/metrics/series`);
  }

  /** One task the server sent to an agent. */
  getTask(taskId: string): Promise<TaskInfo> {
    return this.request('GET', `/tasks/${encodeURIComponent(taskId)}`);
  }

  /** Cancels a task; cancelling a streaming task stops the streaming. */
  cancelTask(taskId: string): Promise<MessageResponse> {
    return this.request('DELETE', `/tasks/${encodeURIComponent(taskId)}`);
  }

  /** The tasks the server sent to one agent. */
  getAgentTasks(agentId: string): Promise<AgentTasks> {
    return this.request('GET', `${agentPath(agentId)}/tasks`);
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const description = `${method} ${path}`;
    const fetchFn = this.options.fetch ?? globalThis.fetch;
    if (!fetchFn) throw new TypeError('No fetch in this runtime: pass { fetch } in the options');
    const timeoutMs = this.options.timeoutMs ?? 30_000;
    const headers: Record<string, string> = { Accept: 'application/json', ...this.options.headers };
    if (this.options.auth) headers.Authorization = authorizationHeader(this.options.auth);
    if (body !== undefined) headers['Content-Type'] = 'application/json';

    let response: Response;
    try {
      response = await fetchFn(`${this.baseURL}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: timeoutMs > 0 ? AbortSignal.timeout(timeoutMs) : undefined,
      });
    } catch (cause) {
      throw new MetricsClientError(0, describe(cause), description, undefined, { cause });
    }

    const text = await response.text();
    const json = parseJson(text);
    if (!response.ok) {
      const errorBody = isErrorBody(json) ? json : undefined;
      const error = errorBody?.error ?? (response.statusText || snippet(text) || 'request failed');
      throw new MetricsClientError(response.status, error, description, errorBody?.details);
    }
    if (json === undefined) {
      throw new MetricsClientError(
        response.status,
        `answer is not JSON: ${snippet(text)}`,
        description,
      );
    }
    return json as T;
  }
}

function agentPath(agentId: string): string {
  return `/agents/${encodeURIComponent(agentId)}`;
}

function checkInterval(interval: number): void {
  if (
    !Number.isInteger(interval) ||
    interval < MIN_INTERVAL_SECONDS ||
    interval > MAX_INTERVAL_SECONDS
  ) {
    throw new RangeError(
      `interval must be a whole number of seconds from ${MIN_INTERVAL_SECONDS} to ` +
        `${MAX_INTERVAL_SECONDS}, got ${interval}`,
    );
  }
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isErrorBody(value: unknown): value is { error: string; details?: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { error?: unknown }).error === 'string'
  );
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}

function describe(cause: unknown): string {
  if (cause instanceof Error) {
    if (cause.name === 'TimeoutError') return 'timed out';
    const inner = (cause as { cause?: unknown }).cause;
    return inner instanceof Error ? `${cause.message} (${inner.message})` : cause.message;
  }
  return String(cause);
}
