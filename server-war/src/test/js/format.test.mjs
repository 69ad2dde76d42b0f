// Unit tests of the dashboard's formatters; run by `node --test` (wired into `mvn verify`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as f from '../../main/webapp/assets/format.js';

test('bytes are 1024-based with one decimal from KB up', () => {
  assert.equal(f.formatBytes(0), '0 B');
  assert.equal(f.formatBytes(512), '512 B');
  assert.equal(f.formatBytes(1536), '1.5 KB');
  assert.equal(f.formatBytes(1.5 * 1024 ** 3), '1.5 GB');
  assert.equal(f.formatBytes(16 * 1024 ** 4), '16.0 TB');
  assert.equal(f.formatBytes(1024 * 1024 - 1), '1.0 MB');
  assert.equal(f.formatBytes(-2048), '-2.0 KB');
  assert.equal(f.formatBytes(undefined), '–');
  assert.equal(f.formatBytes(NaN), '–');
});

test('byte rates are per second', () => {
  assert.equal(f.formatBytesPerSecond(45 * 1024 * 1024), '45.0 MB/s');
  assert.equal(f.formatBytesPerSecond(null), '–');
});

test('network rates are shown in bits, 1000-based', () => {
  assert.equal(f.formatBitsPerSecond(0), '0 bps');
  assert.equal(f.formatBitsPerSecond(100), '800 bps');
  assert.equal(f.formatBitsPerSecond(18_750_000), '150.0 Mbps');
  assert.equal(f.formatBitsPerSecond(124_999_999), '1.0 Gbps');
  assert.equal(f.formatBitsPerSecond(1250), '10.0 Kbps');
});

test('percentages have one decimal', () => {
  assert.equal(f.formatPercent(45.23), '45.2%');
  assert.equal(f.formatPercent(100), '100.0%');
  assert.equal(f.formatPercent(0), '0.0%');
  assert.equal(f.formatPercent(Infinity), '–');
});

test('load has two decimals', () => {
  assert.equal(f.formatLoad(0.4), '0.40');
  assert.equal(f.formatLoad(12.345), '12.35');
});

test('uptime shows the two largest units', () => {
  assert.equal(f.formatUptime(2 * 3600 + 15 * 60 + 7), '2h 15m');
  assert.equal(f.formatUptime(3 * 86400 + 4 * 3600 + 59), '3d 4h');
  assert.equal(f.formatUptime(310), '5m 10s');
  assert.equal(f.formatUptime(42), '42s');
  assert.equal(f.formatUptime(-1), '–');
});

test('ages read as people say them', () => {
  const now = 1_000_000_000_000;
  assert.equal(f.formatAgo(now - 500, now), 'just now');
  assert.equal(f.formatAgo(now - 12_000, now), '12s ago');
  assert.equal(f.formatAgo(now - 5 * 60_000, now), '5m ago');
  assert.equal(f.formatAgo(now - 3 * 3_600_000, now), '3h ago');
  assert.equal(f.formatAgo(0, now), 'never');
});

test('small helpers', () => {
  assert.equal(f.formatCount(1532), '1,532');
  assert.equal(f.formatGhz(3.4), '3.40 GHz');
  assert.equal(f.formatGhz(0), '–');
  assert.equal(f.formatCelsius(0), '–');
  assert.equal(f.formatLinkSpeed(1000), '1 Gbps');
  assert.equal(f.formatLinkSpeed(100), '100 Mbps');
  assert.equal(f.formatInterval(10), '10 s');
  assert.equal(f.formatInterval(90), '1.5 min');
  assert.equal(f.formatInterval(0), 'raw');
});
