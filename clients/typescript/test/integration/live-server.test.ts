import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import {
  type AgentSummary,
  MetricsClient,
  MetricsClientError,
  MetricsFormatter,
  type MetricsSnapshot,
  type SseEvent,
  authorizationHeader,
} from '../../src/node.js';
import * as fixtures from '../unit/fixtures.js';
import { AgentProcess, liveEnvironment, waitFor } from './agent-process.js';
import { assertContractShape } from './contract-shape.js';

/** The series names docs/history.md promises (at least), extensions included. */
const CONTRACT_SERIES = [
  'cpu.usage_percent', 'cpu.user_percent', 'cpu.system_percent', 'cpu.idle_percent',
  'cpu.iowait_percent', 'cpu.temperature_celsius', 'memory.usage_percent', 'memory.total_bytes',
  'memory.used_bytes', 'memory.available_bytes', 'memory.swap_usage_percent', 'load.load1',
  'load.load5', 'load.load15', 'disk.usage_percent', 'processes.total', 'processes.running',
  'processes.sleeping', 'processes.zombie', 'disk.read_bytes_per_sec', 'disk.write_bytes_per_sec',
  'network.bytes_sent_per_sec', 'network.bytes_recv_per_sec',
];

const RFC3339_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/**
 * The TypeScript client against the real server the build started and a real agent process:
 * every call, the SSE stream and the errors. Each test leaves the agent not streaming.
 */
const env = liveEnvironment();
const client = new MetricsClient(env.baseURL, { auth: env.auth });
let agent: AgentProcess;
let id: string;

async function summary(): Promise<AgentSummary | undefined> {
  return (await client.getAllAgents()).agents[id];
}

function agentAlive(): string | undefined {
  return agent.alive ? undefined : `the agent process exited:\n${agent.output()}`;
}

async function rejection(promise: Promise<unknown>): Promise<MetricsClientError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof MetricsClientError, `expected a MetricsClientError, got ${String(error)}`);
    return error;
  }
  return assert.fail('expected the call to fail');
}

describe('MetricsClient against the real server and agent', { timeout: 240_000 }, () => {
  before(async () => {
    agent = AgentProcess.start(env, 'ts-client-it');
    id = agent.agentId;
    await waitFor(`agent ${id} connected`, async () => (await summary())?.connected, {
      failFast: agentAlive,
    });
  });

  after(async () => {
    await agent?.stop();
  });

  afterEach(async () => {
    await waitFor('streaming inactive', async () => {
      const s = await summary();
      return s && !s.streaming_active && !s.streaming_wanted;
    });
  });

  test('the connected agent is listed online', async () => {
    const { agents } = await client.getAllAgents();
    const mine = agents[id];
    assert.ok(mine, `agent ${id} missing from ${Object.keys(agents).join(', ')}`);
    assert.equal(mine.agent_id, id);
    assert.equal(mine.connected, true);
    assert.equal(mine.status, 'online');
    assert.match(mine.last_seen, RFC3339_UTC);
    assertContractShape(mine, fixtures.agentSummary);
  });

  test('CORS lets browser pages on other origins call the API', async () => {
    const origin = 'http://dashboard.example.test';
    const preflight = await fetch(`${env.baseURL}/agents/${id}/metrics/start`, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    assert.ok(preflight.ok, `preflight answered ${preflight.status}`);
    assert.ok(['*', origin].includes(preflight.headers.get('access-control-allow-origin') ?? ''));
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /POST/);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /content-type/i);

    const get = await fetch(`${env.baseURL}/metrics/agents`, {
      headers: { Origin: origin, ...(env.auth ? { Authorization: authorizationHeader(env.auth) } : {}) },
    });
    assert.ok(['*', origin].includes(get.headers.get('access-control-allow-origin') ?? ''));
  });

  test('refreshed system info is served and its task completes', async () => {
    const refresh = await client.refreshSystemInfo(id);
    assert.ok(refresh.task_id);

    const task = await waitFor('system info task final', async () => {
      const t = await client.getTask(refresh.task_id);
      return t.is_final ? t : undefined;
    });
    assert.equal(task.status, 'completed');
    assert.equal(task.type, 'system_info');
    assert.equal(task.agent_id, id);
    assertContractShape(task, fixtures.task);

    const info = await client.getSystemInfo(id);
    assertContractShape(info, fixtures.systemInfo);
    assert.equal(info.agent_id, id);
    assert.ok(info.timestamp > 0);
    assert.ok(info.hardware.core_count > 0);
    assert.ok(info.hardware.memory.total_bytes > 0);
    assert.ok(info.software.hostname.length > 0);
    assert.ok(info.software.os.name.length > 0);
    assert.notEqual(MetricsFormatter.formatUptime(info.software.uptime_seconds), 'N/A');
    assert.equal((await summary())?.has_system_info, true);
  });

  test('manual streaming fills current metrics, history and series', async () => {
    const started = await client.startMetricsStreaming(id, { interval_seconds: 1 });
    assert.equal(started.interval_seconds, 1);
    try {
      await waitFor('two points of history', async () => {
        const h = await client.getHistoricalMetrics(id, { metrics: ['cpu.usage_percent'] });
        return h.total_points >= 2;
      });

      const snapshot = await client.getCurrentMetrics(id);
      assert.equal(snapshot.agent_id, id);
      assert.ok(snapshot.timestamp > 0);
      assert.ok(snapshot.cpu.usage_percent >= 0 && snapshot.cpu.usage_percent <= 100);
      assert.ok(snapshot.memory.total_bytes > 0);
      assert.ok(snapshot.processes.total_processes > 0);
      assertContractShape(snapshot, fixtures.snapshot);
      assert.notEqual(MetricsFormatter.formatMemoryDetails(snapshot.memory), 'N/A');
      assert.notEqual(MetricsFormatter.formatCpuCores(snapshot.cpu.core_usage), 'N/A');

      const { agent_id, series } = await client.getMetricSeries(id);
      assert.equal(agent_id, id);
      for (const name of CONTRACT_SERIES) {
        assert.ok(series.includes(name), `${name} missing from ${series.join(', ')}`);
      }

      const raw = await client.getHistoricalMetrics(id, {
        metrics: ['cpu.usage_percent', 'memory.usage_percent'],
      });
      assert.equal(raw.agent_id, id);
      assert.equal(raw.interval_seconds, 0);
      assertContractShape(raw, fixtures.history);
      assert.ok(raw.data_points.length >= 2);
      assert.ok('memory.usage_percent' in raw.data_points[0]!.values);
      const times = raw.data_points.map((p) => p.timestamp);
      assert.deepEqual(times, [...times].sort((a, b) => a - b));

      const buckets = await client.getHistoricalMetrics(id, {
        metrics: ['memory.used_bytes'],
        start: snapshot.timestamp - 3600,
        end: snapshot.timestamp + 60,
        interval: 60,
        max_points: 100,
        agg: 'max',
      });
      assert.equal(buckets.interval_seconds, 60);
      assert.ok(buckets.data_points.length > 0);
      for (const point of buckets.data_points) assert.equal(point.timestamp % 60, 0);

      const { tasks } = await client.getAgentTasks(id);
      assert.ok(tasks.some((t) => t.task_id === started.task_id));
      assert.equal((await summary())?.streaming_active, true);
    } finally {
      const stop = await client.stopMetricsStreaming(id);
      assert.ok(stop.task_id);
    }
  });

  test('cancelling the stream task stops streaming', async () => {
    const started = await client.startMetricsStreaming(id, { interval_seconds: 2, metrics: ['cpu', 'memory'] });
    await waitFor('streaming', async () => (await summary())?.streaming_active);

    assert.deepEqual(await client.cancelTask(started.task_id), { message: 'task cancelled' });

    const task = await waitFor('stream task final', async () => {
      const t = await client.getTask(started.task_id);
      return t.is_final ? t : undefined;
    });
    assert.ok(['cancelled', 'completed'].includes(task.status), task.status);
  });

  test('the SSE stream delivers snapshots and closing it stops streaming', async () => {
    const source = client.streamMetrics(id, 1);
    const received: MetricsSnapshot[] = [];
    source.addEventListener('metrics', (event: SseEvent) => {
      received.push(JSON.parse(event.data) as MetricsSnapshot);
    });
    try {
      await waitFor('three snapshots over SSE', () => new Set(received.map((s) => s.timestamp)).size >= 3);
      assert.equal(source.readyState, 1);
      assert.equal((await summary())?.streaming_active, true);
    } finally {
      source.close();
    }
    for (const snapshot of received) {
      assert.equal(snapshot.agent_id, id);
      assert.ok(snapshot.memory.total_bytes > 0);
      assertContractShape(snapshot, fixtures.snapshot);
    }
  });

  test('subscribeMetrics parses snapshots from the live stream', async () => {
    const received: MetricsSnapshot[] = [];
    const errors: unknown[] = [];
    const subscription = client.subscribeMetrics(
      id,
      { onMetrics: (s) => received.push(s), onError: (e) => errors.push(e) },
      1,
    );
    try {
      await waitFor('two parsed snapshots', () => received.length >= 2);
    } finally {
      subscription.close();
    }
    assert.equal(received[0]!.agent_id, id);
    assert.deepEqual(errors, []);
  });

  test('errors carry the HTTP status and the server text', async () => {
    const unknownAgent = await rejection(client.getCurrentMetrics(`no-such-agent-${id}`));
    assert.equal(unknownAgent.status, 404);
    assert.equal(unknownAgent.error, 'agent not found');

    const badInterval = await rejection(client.startMetricsStreaming(id, { interval_seconds: 301 }));
    assert.equal(badInterval.status, 400);
    assert.match(badInterval.error, /interval/);

    const unknownTask = await rejection(client.getTask('no-such-task'));
    assert.equal(unknownTask.status, 404);

    const badHistory = await rejection(client.getHistoricalMetrics(id, { start: 200, end: 100 }));
    assert.equal(badHistory.status, 400);

    const refresh = await client.refreshSystemInfo(id);
    await waitFor('system info task final', async () => (await client.getTask(refresh.task_id)).is_final);
    const finished = await rejection(client.cancelTask(refresh.task_id));
    assert.equal(finished.status, 409);
    assert.match(finished.error, /already/);

    const stream = client.streamMetrics(`no-such-agent-${id}`);
    try {
      const failure = await new Promise<{ code?: number }>((resolve) => {
        stream.onerror = resolve;
      });
      assert.equal(failure.code, 404);
    } finally {
      stream.close();
    }
  });
});

describe('an agent that goes away', { timeout: 240_000 }, () => {
  let leaving: AgentProcess;

  before(async () => {
    leaving = AgentProcess.start(env, 'ts-client-it-leaving');
    await waitFor(`agent ${leaving.agentId} connected`, async () => {
      const { agents } = await client.getAllAgents();
      return agents[leaving.agentId]?.connected;
    });
  });

  after(async () => {
    await leaving?.stop();
  });

  test('has no metrics before streaming, then SSE clients see it go offline and calls get 409', async () => {
    const noMetrics = await rejection(client.getCurrentMetrics(leaving.agentId));
    assert.equal(noMetrics.status, 404);
    assert.equal(noMetrics.error, 'no metrics available');

    const snapshots: MetricsSnapshot[] = [];
    const statuses: { agent_id: string; connected: boolean }[] = [];
    const subscription = client.subscribeMetrics(
      leaving.agentId,
      { onMetrics: (s) => snapshots.push(s), onStatus: (s) => statuses.push(s) },
      1,
    );
    try {
      await waitFor('a snapshot', () => snapshots.length > 0);
      await leaving.stop();
      await waitFor('status event: offline', () => statuses.some((s) => !s.connected));
      assert.equal(statuses.find((s) => !s.connected)?.agent_id, leaving.agentId);
    } finally {
      subscription.close();
    }

    const gone = (await client.getAllAgents()).agents[leaving.agentId];
    assert.equal(gone?.connected, false);
    assert.equal(gone?.status, 'offline');
    assert.equal((await client.getCurrentMetrics(leaving.agentId)).agent_id, leaving.agentId);

    for (const call of [
      () => client.refreshSystemInfo(leaving.agentId),
      () => client.startMetricsStreaming(leaving.agentId, { interval_seconds: 1 }),
      () => client.stopMetricsStreaming(leaving.agentId),
    ]) {
      const offline = await rejection(call());
      assert.equal(offline.status, 409, offline.message);
    }
  });
});
