// Unit tests of the dashboard's data shaping; run by `node --test` (wired into `mvn verify`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Rolling, snapshotValues, historyValues, toColumns } from '../../main/webapp/assets/series.js';

test('rolling store keeps the newest points and back-fills new series', () => {
  const r = new Rolling(3);
  assert.equal(r.push(10, new Map([['a', 1]])), true);
  assert.equal(r.push(10, new Map([['a', 9]])), false, 'same timestamp is ignored');
  r.push(11, new Map([['a', 2], ['b', 20]]));
  r.push(12, new Map([['a', 3]]));
  r.push(13, new Map([['a', 4], ['b', NaN]]));
  assert.deepEqual(r.xs, [11, 12, 13]);
  assert.deepEqual(r.column('a'), [2, 3, 4]);
  assert.deepEqual(r.column('b'), [20, null, null]);
  assert.deepEqual(r.column('missing'), [null, null, null]);
  assert.deepEqual(r.keys('b'), ['b']);
});

test('a snapshot flattens into per-core, per-interface and per-disk keys', () => {
  const v = snapshotValues({
    cpu: { usage_percent: 50, core_usage: [40, 60], user_percent: 30, system_percent: 15, iowait_percent: 1 },
    memory: { usage_percent: 70, swap_total_bytes: 0, swap_usage_percent: 0 },
    load: { load1: 1, load5: 2, load15: 3 },
    network_interfaces: [{ interface: 'eth0', bytes_recv_per_sec: 100, bytes_sent_per_sec: 50 }],
    disks: [{ device: 'sda1', mount_point: '/', read_bytes_per_sec: 7, write_bytes_per_sec: 8 }],
  });
  assert.equal(v.get('cpu.total'), 50);
  assert.equal(v.get('core.1'), 60);
  assert.equal(v.get('mem.swap'), null, 'no swap configured draws nothing');
  assert.equal(v.get('net.eth0.rx'), 100);
  assert.equal(v.get('disk.sda1.write'), 8);
});

test('history columns break the line where the agent was away', () => {
  const points = [
    { timestamp: 100, values: { cpu: 1 } },
    { timestamp: 110, values: { cpu: 2 } },
    { timestamp: 200, values: {} },
  ];
  const { xs, columns } = toColumns(points, ['cpu'], 10);
  assert.deepEqual(xs, [100, 110, 120, 200]);
  assert.deepEqual(columns[0], [1, 2, null, null]);
});

test('history series map onto the live keys, instance names made safe like the server does', () => {
  const v = historyValues({
    'cpu.usage_percent': 10, 'cpu.core3.usage_percent': 30, 'network.eth0.bytes_recv_per_sec': 5,
    'network.bytes_recv_per_sec': 5, 'disk.vda.write_bytes_per_sec': 7, 'memory.swap_total_bytes': 0,
    'memory.swap_usage_percent': 0, 'processes.total': 100,
  });
  assert.deepEqual([...v.entries()].sort(), [
    ['core.3', 30], ['cpu.total', 10], ['disk.vda.write', 7], ['net.eth0.rx', 5],
  ]);
  const live = snapshotValues({ disks: [{ device: '/dev/vda', mount_point: '/', read_bytes_per_sec: 1, write_bytes_per_sec: 2 }],
    network_interfaces: [{ interface: 'veth@if3', bytes_recv_per_sec: 1, bytes_sent_per_sec: 1 }] });
  assert.ok(live.has('disk.vda.write'));
  assert.ok(live.has('net.veth_if3.rx'));
});

test('older points go in front of the live ones, never after', () => {
  const r = new Rolling(4);
  r.push(20, new Map([['a', 2]]));
  r.push(21, new Map([['a', 3]]));
  r.prepend([[18, new Map([['a', 0]])], [19, new Map([['a', 1], ['b', 9]])], [20, new Map([['a', 99]])]]);
  assert.deepEqual(r.xs, [18, 19, 20, 21]);
  assert.deepEqual(r.column('a'), [0, 1, 2, 3]);
  assert.deepEqual(r.column('b'), [null, 9, null, null]);
});
