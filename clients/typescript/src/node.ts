/**
 * The Node entry: the same API, with `MetricsClient` streaming through the `eventsource`
 * package (Node 20 has no `EventSource` of its own). Needs `eventsource` ^4 installed.
 */
import { EventSource } from 'eventsource';
import {
  MetricsClient as BaseMetricsClient,
  type MetricsClientOptions,
} from './client.js';
import type { EventSourceConstructor } from './event-source.js';

export * from './index.js';

/** {@link BaseMetricsClient} defaulting to the `eventsource` package's `EventSource`. */
export class MetricsClient extends BaseMetricsClient {
  constructor(baseURL: string, options: MetricsClientOptions = {}) {
    super(baseURL, { EventSource: EventSource as unknown as EventSourceConstructor, ...options });
  }
}
