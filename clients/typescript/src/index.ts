/**
 * @nodelink/metrics-client — typed client of the NodeLink Metrics REST API and SSE streams,
 * and display formatters. Runs in browsers as is; in Node 20 use the `/node` entry (or pass
 * `EventSource` from the `eventsource` package) for streaming.
 */
export {
  MetricsClient,
  DEFAULT_INTERVAL_SECONDS,
  MAX_INTERVAL_SECONDS,
  MIN_INTERVAL_SECONDS,
} from './client.js';
export { authorizationHeader } from './client.js';
export type {
  BasicAuth,
  BearerAuth,
  MetricsClientOptions,
  MetricsHandlers,
  MetricsSubscription,
} from './client.js';
export { MetricsClientError } from './errors.js';
export type { EventSourceConstructor, MetricsEventSource, SseEvent } from './event-source.js';
export { MetricsFormatter } from './formatter.js';
export type * from './types.js';
