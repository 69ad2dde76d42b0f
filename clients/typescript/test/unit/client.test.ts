import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { after, before, beforeEach, describe, test } from 'node:test';
import { EventSource } from 'eventsource';
import {
  type EventSourceConstructor,
  MetricsClient as BaseClient,
  MetricsClientError,
  type MetricsSnapshot,
  type SseEvent,
  type TaskInfo,
} from '../../src/index.js';
import { MetricsClient } from '../../src/node.js';
import { ContractServer, sendJson } from './contract-server.js';
import { agentSummary, history, snapshot, systemInfo } from './fixtures.js';

// Compile-time check: the browser's EventSource fits the constructor the client takes.
type BrowserEventSourceFits = typeof globalThis.EventSource extends EventSourceConstructor ? true : never;
const browserEventSourceFits: BrowserEventSourceFits = true;

const server = new ContractServer();
let baseURL: string;
let client: MetricsClient;

before(async () => {
  baseURL = await server.start();
  client = new MetricsClient(baseURL);
});
after(() => server.stop());
beforeEach(() => {
  server.requests.length = 0;
});

function lastRequest() {
  const request = server.requests.at(-1);
  assert.ok(request, 'the server got no request');
  return request;
}

describe('REST calls', () => {
  test('getAllAgents reads the agent map', async () => {
    server.json('GET', '/metrics/agents', 200, { agents: { agent1: agentSummary } });
    const answer = await client.getAllAgents();
    assert.deepEqual(answer, { agents: { agent1: agentSummary } });
    assert.equal(lastRequest().headers.accept, 'application/json');
  });

  test('a trailing slash on the base URL is dropped', async () => {
    server.json('GET', '/metrics/agents', 200, { agents: {} });
    await new MetricsClient(`${baseURL}//`).getAllAgents();
    assert.equal(lastRequest().url, '/metrics/agents');
  });

  test('agent ids are encoded as one path segment', async () => {
    server.json('GET', '/agents/a%20b%2Fc/metrics', 200, snapshot);
    assert.deepEqual(await client.getCurrentMetrics('a b/c'), snapshot);
  });

  test('refreshSystemInfo posts without a body and getSystemInfo reads it', async () => {
    server.json('POST', '/agents/agent1/system/refresh', 200, { message: 'requested', task_id: 't1' });
    server.json('GET', '/agents/agent1/system', 200, systemInfo);
    assert.deepEqual(await client.refreshSystemInfo('agent1'), { message: 'requested', task_id: 't1' });
    assert.equal(lastRequest().body, '');
    assert.deepEqual(await client.getSystemInfo('agent1'), systemInfo);
  });

  test('startMetricsStreaming sends the JSON body', async () => {
    const started = { message: 'started', task_id: 't2', interval_seconds: 3 };
    server.json('POST', '/agents/agent1/metrics/start', 200, started);
    assert.deepEqual(
      await client.startMetricsStreaming('agent1', { interval_seconds: 3, metrics: ['cpu', 'memory'] }),
      started,
    );
    const request = lastRequest();
    assert.equal(request.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(request.body), { interval_seconds: 3, metrics: ['cpu', 'memory'] });
  });

  test('startMetricsStreaming without options sends an empty object', async () => {
    server.json('POST', '/agents/agent1/metrics/start', 200, { message: 'ok', task_id: 't', interval_seconds: 5 });
    await client.startMetricsStreaming('agent1');
    assert.equal(lastRequest().body, '{}');
  });

  test('stopMetricsStreaming posts to stop', async () => {
    server.json('POST', '/agents/agent1/metrics/stop', 200, { message: 'stopped', task_id: 't3' });
    assert.equal((await client.stopMetricsStreaming('agent1')).task_id, 't3');
  });

  test('getHistoricalMetrics passes every parameter', async () => {
    server.json(
      'GET',
      '/agents/agent1/metrics/history?metrics=cpu.usage_percent%2Cload.load1&start=100&end=200&interval=60&max_points=10&agg=max',
      200,
      history,
    );
    const answer = await client.getHistoricalMetrics('agent1', {
      metrics: ['cpu.usage_percent', 'load.load1'],
      start: 100,
      end: 200,
      interval: 60,
      max_points: 10,
      agg: 'max',
    });
    assert.deepEqual(answer, history);
  });

  test('getHistoricalMetrics without parameters sends none', async () => {
    server.json('GET', '/agents/agent1/metrics/history', 200, history);
    await client.getHistoricalMetrics('agent1');
    assert.equal(lastRequest().url, '/agents/agent1/metrics/history');
  });

  test('series, tasks and cancel use their paths', async () => {
    server.json('GET', '/agents/agent1/metrics/series', 200, { agent_id: 'agent1', series: ['cpu.usage_percent'] });
    const task: TaskInfo = {
      task_id: 't 1',
      agent_id: 'agent1',
      type: 'metrics_start',
      status: 'in_progress',
      created_at: '2026-11-28T10:00:00Z',
      updated_at: '2026-11-28T10:00:01Z',
      message: 'streaming',
      error: '',
      is_final: false,
      interval_seconds: 5,
    };
    server.json('GET', '/tasks/t%201', 200, task);
    server.json('DELETE', '/tasks/t%201', 200, { message: 'task cancelled' });
    server.json('GET', '/agents/agent1/tasks', 200, { agent_id: 'agent1', tasks: [task] });

    assert.deepEqual((await client.getMetricSeries('agent1')).series, ['cpu.usage_percent']);
    assert.deepEqual(await client.getTask('t 1'), task);
    assert.deepEqual(await client.cancelTask('t 1'), { message: 'task cancelled' });
    assert.deepEqual((await client.getAgentTasks('agent1')).tasks, [task]);
  });

  test('extra headers go with every request', async () => {
    server.json('GET', '/metrics/agents', 200, { agents: {} });
    await new MetricsClient(baseURL, { headers: { Authorization: 'Bearer x' } }).getAllAgents();
    assert.equal(lastRequest().headers.authorization, 'Bearer x');
  });
});

describe('errors', () => {
  test('a JSON error carries the status, the error text and details', async () => {
    server.json('GET', '/agents/ghost/metrics', 404, { error: 'agent not found', details: { agent_id: 'ghost' } });
    const error = await client.getCurrentMetrics('ghost').then(
      () => assert.fail('expected a rejection'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof MetricsClientError);
    assert.ok(error instanceof Error);
    assert.equal(error.status, 404);
    assert.equal(error.error, 'agent not found');
    assert.deepEqual(error.details, { agent_id: 'ghost' });
    assert.equal(error.request, 'GET /agents/ghost/metrics');
    assert.equal(error.isNotFound, true);
    assert.equal(error.message, 'GET /agents/ghost/metrics failed: HTTP 404: agent not found');
    assert.equal(error.name, 'MetricsClientError');
  });

  test('a 400 for a bad interval comes back as is', async () => {
    server.json('POST', '/agents/agent1/metrics/start', 400, { error: 'interval_seconds must be 1-300' });
    await assert.rejects(client.startMetricsStreaming('agent1', { interval_seconds: 0 }), {
      name: 'MetricsClientError',
      status: 400,
      error: 'interval_seconds must be 1-300',
    });
  });

  test('a non-JSON error page gives the status text', async () => {
    server.on('GET', '/metrics/agents', (_req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html' });
      res.end('<html>bad gateway</html>');
    });
    await assert.rejects(client.getAllAgents(), { status: 502, error: 'Bad Gateway' });
  });

  test('a 200 that is not JSON is an error too', async () => {
    server.on('GET', '/metrics/agents', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html>login</html>');
    });
    await assert.rejects(client.getAllAgents(), { status: 200, error: 'answer is not JSON: <html>login</html>' });
  });

  test('no server gives status 0', async () => {
    const closed = new ContractServer();
    const url = await closed.start();
    await closed.stop();
    await assert.rejects(new MetricsClient(url).getAllAgents(), (e: unknown) => {
      assert.ok(e instanceof MetricsClientError);
      assert.equal(e.status, 0);
      assert.match(e.error, /fetch failed/);
      assert.ok(e.cause instanceof Error);
      return true;
    });
  });

  test('a slow server times out with status 0', async () => {
    let hung: ServerResponse | undefined;
    server.on('GET', '/metrics/agents', (_req, res) => {
      hung = res;
    });
    await assert.rejects(new MetricsClient(baseURL, { timeoutMs: 200 }).getAllAgents(), {
      status: 0,
      error: 'timed out',
    });
    hung?.destroy();
  });
});

/** Resolves with the next response the server opens on this route, and gives a writer to it. */
function nextSse(path: string): Promise<{ write: (chunk: string) => void; closed: Promise<void> }> {
  return new Promise((resolve) => {
    server.on('GET', path, (_req, res) => {
      const write = server.openSse(res);
      const closed = new Promise<void>((done) => res.on('close', () => done()));
      resolve({ write, closed });
    });
  });
}

function nextEvent(source: { addEventListener(t: string, l: (e: SseEvent) => unknown): void }, type: string) {
  return new Promise<SseEvent>((resolve) => source.addEventListener(type, resolve));
}

describe('Server-Sent Events', { timeout: 15_000 }, () => {
  test('streamMetrics delivers metrics and status events and closes the connection', async () => {
    const connection = nextSse('/agents/agent1/metrics/stream?interval=2');
    const source = client.streamMetrics('agent1', 2);
    const metrics = nextEvent(source, 'metrics');
    const status = nextEvent(source, 'status');
    const sse = await connection;
    assert.equal(lastRequest().headers.accept, 'text/event-stream');

    sse.write(': keepalive\n\n');
    sse.write(`event: metrics\ndata: ${JSON.stringify(snapshot)}\n\n`);
    sse.write(`event: status\ndata: {"agent_id":"agent1","connected":false}\n\n`);

    const snapshotEvent = await metrics;
    assert.deepEqual(JSON.parse(snapshotEvent.data), snapshot);
    assert.deepEqual(JSON.parse((await status).data), { agent_id: 'agent1', connected: false });
    assert.equal(source.url, `${baseURL}/agents/agent1/metrics/stream?interval=2`);

    source.close();
    await sse.closed;
    assert.equal(source.readyState, 2);
  });

  test('the default interval is 5 seconds', async () => {
    const connection = nextSse('/agents/agent1/metrics/stream?interval=5');
    const source = client.streamMetrics('agent1');
    const sse = await connection;
    source.close();
    await sse.closed;
  });

  test('subscribeMetrics parses snapshots and reports bad data', async () => {
    const connection = nextSse('/agents/agent1/metrics/stream?interval=1');
    const received: MetricsSnapshot[] = [];
    let gotTwo!: () => void;
    const two = new Promise<void>((resolve) => (gotTwo = resolve));
    let badData!: (e: unknown) => void;
    const error = new Promise<unknown>((resolve) => (badData = resolve));
    let opened!: () => void;
    const open = new Promise<void>((resolve) => (opened = resolve));

    const subscription = client.subscribeMetrics(
      'agent1',
      {
        onMetrics: (s) => {
          received.push(s);
          if (received.length === 2) gotTwo();
        },
        onOpen: () => opened(),
        onError: (e) => badData(e),
      },
      1,
    );
    const sse = await connection;
    await open;
    sse.write(`event: metrics\ndata: ${JSON.stringify(snapshot)}\n\n`);
    sse.write('event: metrics\ndata: {not json\n\n');
    assert.ok((await error) instanceof SyntaxError);
    sse.write(`event: metrics\ndata: ${JSON.stringify({ ...snapshot, timestamp: 2 })}\n\n`);
    await two;
    assert.deepEqual(
      received.map((s) => s.timestamp),
      [snapshot.timestamp, 2],
    );
    subscription.close();
    await sse.closed;
  });

  test('intervals outside 1-300 s are refused before connecting', () => {
    for (const bad of [0, 301, 1.5, -1, NaN]) {
      assert.throws(() => client.streamMetrics('agent1', bad), RangeError);
    }
  });

  test('the base client uses the EventSource it is given', async () => {
    const connection = nextSse('/agents/agent1/metrics/stream?interval=3');
    const source = new BaseClient(baseURL, {
      EventSource: EventSource as unknown as EventSourceConstructor,
    }).streamMetrics('agent1', 3);
    const sse = await connection;
    source.close();
    await sse.closed;
  });

  test('without an EventSource the base client says what to do', () => {
    assert.equal(globalThis.EventSource, undefined, 'Node 20 has no global EventSource');
    assert.throws(() => new BaseClient(baseURL).streamMetrics('agent1'), /eventsource/);
  });

  test('a global EventSource polyfill is picked up, as NodeLink documented', async () => {
    const connection = nextSse('/agents/agent1/metrics/stream?interval=4');
    const global = globalThis as { EventSource?: unknown };
    global.EventSource = EventSource;
    try {
      const source = new BaseClient(baseURL).streamMetrics('agent1', 4);
      const sse = await connection;
      source.close();
      await sse.closed;
    } finally {
      delete global.EventSource;
    }
  });

  test('404 on the stream surfaces as an error event', async () => {
    server.on('GET', '/agents/ghost/metrics/stream?interval=5', (_req, res) =>
      sendJson(res, 404, { error: 'agent not found' }),
    );
    const source = client.streamMetrics('ghost');
    const failed = new Promise<{ code?: number }>((resolve) => (source.onerror = resolve));
    assert.equal((await failed).code, 404);
    assert.equal(source.readyState, 2);
    source.close();
  });
});

void browserEventSourceFits;

describe('credentials', () => {
  test('without auth no Authorization header is sent, as for the original NodeLink server', async () => {
    server.json('GET', '/metrics/agents', 200, { agents: {} });
    await client.getAllAgents();
    assert.equal(lastRequest().headers.authorization, undefined);
  });

  test('Basic credentials go with every REST call, UTF-8 encoded', async () => {
    server.json('POST', '/agents/agent1/system/refresh', 200, { message: 'requested', task_id: 't1' });
    const withBasic = new MetricsClient(baseURL, { auth: { username: 'admin', password: 'pä:ss' } });
    await withBasic.refreshSystemInfo('agent1');
    const expected = `Basic ${Buffer.from('admin:pä:ss', 'utf8').toString('base64')}`;
    assert.equal(lastRequest().headers.authorization, expected);
  });

  test('a bearer token goes with REST calls and the SSE stream', { timeout: 15_000 }, async () => {
    server.json('GET', '/metrics/agents', 200, { agents: {} });
    const withToken = new MetricsClient(baseURL, { auth: { bearerToken: 'abc.def.ghi' } });
    await withToken.getAllAgents();
    assert.equal(lastRequest().headers.authorization, 'Bearer abc.def.ghi');

    const connection = nextSse('/agents/agent1/metrics/stream?interval=3');
    const source = withToken.streamMetrics('agent1', 3);
    const sse = await connection;
    assert.equal(lastRequest().headers.authorization, 'Bearer abc.def.ghi');
    source.close();
    await sse.closed;
  });
});
