// Unit tests of the agent page's pure parts; run by `node --test` (wired into `mvn verify`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tabAfterKey, tabOrDefault, tabHash } from '../../main/webapp/assets/agent-tabs.js';
import {
  storedInterval, streamStateView, statusOf, hostText, seenText,
} from '../../main/webapp/assets/agent-head.js';
import { tileTexts } from '../../main/webapp/assets/agent-tiles.js';
import { processCounts, trackedRows } from '../../main/webapp/assets/agent-processes.js';
import { disksKey, diskTexts } from '../../main/webapp/assets/disk-usage.js';
import { withConnection } from '../../main/webapp/assets/agent-summary.js';

test('arrow keys move between tabs and wrap, Home and End jump, other keys do nothing', () => {
  assert.equal(tabAfterKey('live', 'ArrowRight'), 'history');
  assert.equal(tabAfterKey('processes', 'ArrowRight'), 'live');
  assert.equal(tabAfterKey('live', 'ArrowLeft'), 'processes');
  assert.equal(tabAfterKey('system', 'Home'), 'live');
  assert.equal(tabAfterKey('live', 'End'), 'processes');
  assert.equal(tabAfterKey('live', 'Enter'), null);
});

test('an unknown or missing tab shows Live; tab routes encode the agent id', () => {
  assert.equal(tabOrDefault('system'), 'system');
  assert.equal(tabOrDefault('nope'), 'live');
  assert.equal(tabOrDefault(undefined), 'live');
  assert.equal(tabHash('a b/c', 'history'), '#/agents/a%20b%2Fc/history');
});

test('the stored live interval must be one of the offered ones, else 5 s', () => {
  assert.equal(storedInterval('1'), 1);
  assert.equal(storedInterval('60'), 60);
  assert.equal(storedInterval('7'), 5);
  assert.equal(storedInterval(null), 5);
  assert.equal(storedInterval('junk'), 5);
});

test('stream states show in the badge and the top bar', () => {
  assert.deepEqual(streamStateView('live', 2),
    { text: 'Live', live: true, conn: 'ok', connText: 'Live, every 2 s' });
  assert.deepEqual(streamStateView('connecting', 5),
    { text: 'Connecting…', live: false, conn: 'idle', connText: 'Connecting…' });
  assert.equal(streamStateView('paused', 5).conn, 'idle');
  assert.equal(streamStateView('retrying', 5).conn, 'error');
  assert.equal(streamStateView('closed', 5).connText, 'Stream closed');
});

test('status comes from the summary, and SSE status events update it', () => {
  assert.equal(statusOf(null), null);
  assert.equal(statusOf({ status: 'online' }), 'online');
  assert.equal(statusOf({ status: 'offline' }), 'offline');
  const online = { agent_id: 'a', connected: true, status: 'online' };
  assert.deepEqual(withConnection(online, false), { agent_id: 'a', connected: false, status: 'offline' });
  assert.equal(withConnection(null, true), null);
});

test('the host line joins what system info knows', () => {
  const system = {
    software: { hostname: 'web1', os: { name: 'Linux', distribution: 'Debian GNU/Linux', version: '12' } },
    hardware: { cpu: { model: 'EPYC' }, memory: { total_bytes: 8 * 1024 ** 3 } },
  };
  assert.equal(hostText(system), 'web1 · Debian GNU/Linux 12 · EPYC · 8.0 GB RAM');
  assert.equal(hostText({ software: { hostname: 'web1', os: { name: 'Linux' } } }), 'web1 · Linux');
  assert.equal(hostText(null), '');
});

test('last seen takes the newer of the summary and the stream', () => {
  const now = Date.parse('2026-11-30T10:00:00Z');
  const summary = { last_seen: '2026-11-30T09:59:00Z' };
  assert.equal(seenText(summary, null, now), 'Last seen 1m ago · last data none yet');
  assert.equal(seenText(summary, { timestamp: now / 1000 - 5 }, now), 'Last seen 5s ago · last data 5s ago');
  assert.equal(seenText(null, null, now), '');
});

const snapshot = {
  timestamp: 1000,
  cpu: { usage_percent: 42.25, core_usage: [40, 44], temperature_celsius: 0 },
  memory: {
    usage_percent: 50, used_bytes: 4 * 1024 ** 3, total_bytes: 8 * 1024 ** 3,
    swap_total_bytes: 0, swap_used_bytes: 0, swap_usage_percent: 0,
  },
  load: { load1: 0.5, load5: 0.25, load15: 0.125 },
  network_interfaces: [{ bytes_recv_per_sec: 1000, bytes_sent_per_sec: 250 }, { bytes_recv_per_sec: 250 }],
  disks: [{ read_bytes_per_sec: 2048, write_bytes_per_sec: 1024 }],
  processes: { total_processes: 1234, running_processes: 2, zombie_processes: 0 },
};

test('tiles show the snapshot, with meters for CPU, memory and swap', () => {
  const t = tileTexts(snapshot, null);
  assert.deepEqual(t.cpu, { value: '42.3%', percent: 42.25, sub: '2 cores' });
  assert.deepEqual(t.mem, { value: '50.0%', percent: 50, sub: '4.0 GB of 8.0 GB' });
  assert.deepEqual(t.swap, { value: 'none', percent: 0, sub: 'no swap configured' });
  assert.deepEqual(t.load, { value: '0.50', sub: '5m 0.25 · 15m 0.13' });
  assert.deepEqual(t.net, { value: '↓ 10.0 Kbps', sub: '↑ 2.0 Kbps' });
  assert.deepEqual(t.disk, { value: 'R 2.0 KB/s', sub: 'W 1.0 KB/s' });
  assert.deepEqual(t.procs, { value: '1,234', sub: '2 running · 0 zombie' });
  assert.deepEqual(t.uptime, { value: '–', sub: '' });
});

test('uptime grows with the clock since the system report', () => {
  const system = { timestamp: 940, software: { uptime_seconds: 3600, os: { kernel_version: '6.1.0' } } };
  assert.deepEqual(tileTexts(snapshot, system).uptime, { value: '1h 1m', sub: 'kernel 6.1.0' });
});

test('processes: counts by state and one row per tracked process', () => {
  const p = { total_processes: 10, running_processes: 1, sleeping_processes: 9, zombie_processes: 0 };
  assert.deepEqual(processCounts(p), [['Total', 10], ['Running', 1], ['Sleeping', 9], ['Zombie', 0]]);
  const rows = trackedRows([{
    task_id: 'db', pid: 42, cpu_percent: 1.5, memory_bytes: 1024, virtual_memory_bytes: 2048,
    threads: 12, read_bytes: 0, write_bytes: 512,
  }]);
  assert.deepEqual(rows, [['db', '42', '1.5%', '1.0 KB', '2.0 KB', '12', '0 B', '512 B']]);
  assert.deepEqual(trackedRows(undefined), []);
});

test('the disk table is rebuilt only when the set of disks changes', () => {
  const sda = { device: '/dev/sda1', mount_point: '/' };
  assert.equal(disksKey([sda, { device: 'tmp', mount_point: '/tmp' }]), '/dev/sda1|/,tmp|/tmp');
  assert.equal(disksKey([]), '');
  assert.deepEqual(diskTexts({
    usage_percent: 12.34, used_bytes: 1024 ** 3, total_bytes: 10 * 1024 ** 3,
    read_bytes_per_sec: 0, write_bytes_per_sec: 1536,
  }), { percent: '12.3%', used: '1.0 GB / 10.0 GB', io: '0 B/s / 1.5 KB/s' });
});
