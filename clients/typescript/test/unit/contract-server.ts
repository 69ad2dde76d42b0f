import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the server received, body read. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

type Handler = (req: RecordedRequest, res: ServerResponse) => void;

/**
 * A tiny local HTTP server that answers like the NodeLink server would, route by route, so the
 * client's real fetch/EventSource code runs against real sockets in the unit tests.
 */
export class ContractServer {
  readonly requests: RecordedRequest[] = [];
  private readonly routes = new Map<string, Handler>();
  private readonly server = createServer((req, res) => this.handle(req, res));
  /** Open SSE responses, so tests can push events and see disconnects. */
  readonly sseClients = new Set<ServerResponse>();

  /** Answers `METHOD path` (path with its query string) with the handler. */
  on(method: string, pathAndQuery: string, handler: Handler): this {
    this.routes.set(`${method} ${pathAndQuery}`, handler);
    return this;
  }

  json(method: string, pathAndQuery: string, status: number, body: unknown): this {
    return this.on(method, pathAndQuery, (_req, res) => sendJson(res, status, body));
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    for (const client of this.sseClients) client.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      this.requests.push(recorded);
      const handler = this.routes.get(`${recorded.method} ${recorded.url}`);
      if (handler) handler(recorded, res);
      else sendJson(res, 404, { error: 'no such route in the test server' });
    });
  }

  /** Opens an SSE response; returns a function that writes one raw chunk to it. */
  openSse(res: ServerResponse): (chunk: string) => void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
    res.flushHeaders();
    this.sseClients.add(res);
    res.on('close', () => this.sseClients.delete(res));
    return (chunk) => res.write(chunk);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(text);
}
