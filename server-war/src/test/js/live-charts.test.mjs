// Unit tests of the Live tab's chart definitions; run by `node --test` (wired into `mvn verify`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  LIVE_CHARTS, networkSeries, diskSeries, liveXRange,
} from '../../main/webapp/assets/live-charts.js';
import { Rolling } from '../../main/webapp/assets/series.js';

test('network series: one per interface and direction, out dashed', () => {
  assert.deepEqual(networkSeries(['net.eth0.rx', 'net.eth0.tx']), [
    { key: 'net.eth0.rx', label: 'eth0 ↓ in', dash: undefined },
    { key: 'net.eth0.tx', label: 'eth0 ↑ out', dash: [5, 3] },
  ]);
});

test('disk series: one per device and direction, writes dashed', () => {
  assert.deepEqual(diskSeries(['disk.sda1.read', 'disk.sda1.write']), [
    { key: 'disk.sda1.read', label: 'sda1 read', dash: undefined },
    { key: 'disk.sda1.write', label: 'sda1 write', dash: [5, 3] },
  ]);
});

test('charts draw the rolling keys they own', () => {
  const r = new Rolling(10);
  r.push(1, new Map([['core.0', 1], ['core.1', 2], ['net.lo.rx', 3], ['cpu.total', 4]]));
  const byId = Object.fromEntries(LIVE_CHARTS.map((c) => [c.id, c.series(r).map((s) => s.label)]));
  assert.deepEqual(byId['chart-cores'], ['Core 0', 'Core 1']);
  assert.deepEqual(byId['chart-network'], ['lo ↓ in']);
  assert.deepEqual(byId['chart-cpu'], ['Total', 'User', 'System', 'I/O wait']);
  assert.deepEqual(byId['chart-disk'], []);
});

test('the live window slides over the last 120 intervals and spans at least 10', () => {
  assert.equal(liveXRange([], 5), null);
  assert.deepEqual(liveXRange([1000, 1005], 5), [955, 1005], 'few points: ten intervals');
  assert.deepEqual(liveXRange([100, 1000], 5), [400, 1000], 'many points: 120 intervals');
  assert.deepEqual(liveXRange([700, 1000], 1), [880, 1000]);
});
