/**
 * The part of the WHATWG `EventSource` this client uses, so the same code runs on the
 * browser's native one and on the `eventsource` npm package in Node.
 */
export interface SseEvent {
  readonly type: string;
  /** The event's data: one line of JSON for `metrics` and `status` events. */
  readonly data: string;
  readonly lastEventId?: string;
}

/** An open Server-Sent Events connection (a browser `EventSource` or the npm one). */
export interface MetricsEventSource {
  readonly url: string;
  /** 0 connecting, 1 open, 2 closed. */
  readonly readyState: number;
  onopen: ((event: any) => unknown) | null;
  onerror: ((event: any) => unknown) | null;
  addEventListener(type: string, listener: (event: SseEvent) => unknown): void;
  removeEventListener(type: string, listener: (event: SseEvent) => unknown): void;
  close(): void;
}

/** An `EventSource` class: `globalThis.EventSource` or `EventSource` from the `eventsource` package. */
export type EventSourceConstructor = new (
  url: string,
  init?: { withCredentials?: boolean; fetch?: typeof fetch },
) => MetricsEventSource;

/** The runtime's own `EventSource`, if it has one (browsers, Deno, Node 22+ with a flag). */
export function globalEventSource(): EventSourceConstructor | undefined {
  return (globalThis as { EventSource?: EventSourceConstructor }).EventSource;
}
