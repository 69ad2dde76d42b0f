import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MetricsFormatter as F } from '../../src/index.js';
import type { DiskMetrics, MemoryMetrics } from '../../src/index.js';

/** Runs one table: each row is an input and the exact expected output. */
function table<T>(name: string, format: (value: T) => string, rows: [T, string][]): void {
  describe(name, () => {
    for (const [input, expected] of rows) {
      test(`${String(input)} → ${expected}`, () => assert.equal(format(input), expected));
    }
  });
}

const KB = 1024;
const MB = KB * 1024;
const GB = MB * 1024;
const TB = GB * 1024;

table('formatBytes', F.formatBytes, [
  [0, '0 B'],
  [1, '1 B'],
  [512, '512 B'],
  [1000, '1000 B'],
  [1023, '1023 B'],
  [1024, '1 KB'],
  [1536, '1.5 KB'],
  [1075, '1 KB'],
  [1126, '1.1 KB'],
  [KB * 1023.96, '1 MB'],
  [MB, '1 MB'],
  [1.5 * GB, '1.5 GB'],
  [16 * GB, '16 GB'],
  [2.25 * TB, '2.3 TB'],
  [2048 * TB, '2048 TB'],
  [Number.MAX_SAFE_INTEGER, '8192 TB'],
  [-1536, '-1.5 KB'],
  [-0.01, '0 B'],
  [-0, '0 B'],
  [1.5, '1.5 B'],
  [NaN, 'N/A'],
  [Infinity, 'N/A'],
  [undefined as unknown as number, 'N/A'],
  [null as unknown as number, 'N/A'],
]);

table('formatPercentage', F.formatPercentage, [
  [0, '0.0%'],
  [45.2, '45.2%'],
  [45.25, '45.3%'],
  [99.99, '100.0%'],
  [100, '100.0%'],
  [7, '7.0%'],
  [-0.04, '0.0%'],
  [-5, '-5.0%'],
  [123.456, '123.5%'],
  [NaN, 'N/A'],
]);

table('formatUptime', F.formatUptime, [
  [0, '0m'],
  [59, '0m'],
  [60, '1m'],
  [3599, '59m'],
  [3600, '1h 0m'],
  [8100, '2h 15m'],
  [86_399, '23h 59m'],
  [86_400, '24h 0m'],
  [90_061, '25h 1m'],
  [400 * 86_400 + 3 * 3600 + 5 * 60 + 59, '9603h 5m'],
  [125.9, '2m'],
  [-1, 'N/A'],
  [NaN, 'N/A'],
]);

table('formatLoadAverage', F.formatLoadAverage, [
  [0, '0.00'],
  [1.234, '1.23'],
  [1.235, '1.24'],
  [12, '12.00'],
  [-0.001, '0.00'],
  [NaN, 'N/A'],
]);

table('formatNetworkSpeed (bytes/s in, bits/s out)', F.formatNetworkSpeed, [
  [0, '0 bps'],
  [1, '8 bps'],
  [100, '800 bps'],
  [124.9, '999 bps'],
  [124.95, '1.0 Kbps'],
  [125, '1.0 Kbps'],
  [187.5, '1.5 Kbps'],
  [18_750_000, '150.0 Mbps'],
  [124_999_990, '1.0 Gbps'],
  [150_000_000, '1.2 Gbps'],
  [1_250_000_000_000, '10000.0 Gbps'],
  [-125, '-1.0 Kbps'],
  [NaN, 'N/A'],
]);

table('formatDiskIO', F.formatDiskIO, [
  [0, '0 B/s'],
  [512, '512 B/s'],
  [1023.4, '1023 B/s'],
  [1023.6, '1.0 KB/s'],
  [1536, '1.5 KB/s'],
  [45 * MB, '45.0 MB/s'],
  [1.25 * GB, '1.3 GB/s'],
  [5000 * GB, '5000.0 GB/s'],
  [-1536, '-1.5 KB/s'],
  [NaN, 'N/A'],
]);

describe('formatCpuCores', () => {
  test('mean of the cores with the count', () => {
    assert.equal(F.formatCpuCores([40, 50, 45, 45]), '45.0% avg (4 cores)');
  });
  test('one core is singular', () => assert.equal(F.formatCpuCores([12.5]), '12.5% avg (1 core)'));
  test('empty or missing is N/A', () => {
    assert.equal(F.formatCpuCores([]), 'N/A');
    assert.equal(F.formatCpuCores(undefined), 'N/A');
    assert.equal(F.formatCpuCores(null), 'N/A');
  });
  test('non-finite cores are left out of the mean but counted', () => {
    assert.equal(F.formatCpuCores([10, NaN, 30]), '20.0% avg (3 cores)');
    assert.equal(F.formatCpuCores([NaN]), 'N/A');
  });
});

describe('formatTimestamp', () => {
  test('Unix seconds as the locale string of that instant', () => {
    const options = { timeZone: 'UTC' } as const;
    assert.equal(
      F.formatTimestamp(1_700_000_000, 'en-US', options),
      new Date(1_700_000_000_000).toLocaleString('en-US', options),
    );
    assert.equal(F.formatTimestamp(1_700_000_000, 'en-US', options), '11/14/2023, 10:13:20 PM');
  });
  test('defaults to the runtime locale', () => {
    assert.equal(F.formatTimestamp(1_700_000_000), new Date(1_700_000_000_000).toLocaleString());
  });
  test('zero, negative and non-numbers are N/A', () => {
    assert.equal(F.formatTimestamp(0), 'N/A');
    assert.equal(F.formatTimestamp(-5), 'N/A');
    assert.equal(F.formatTimestamp(NaN), 'N/A');
    assert.equal(F.formatTimestamp(1e20), 'N/A');
  });
});

function memory(overrides: Partial<MemoryMetrics>): MemoryMetrics {
  return {
    total_bytes: 16 * GB,
    used_bytes: 4 * GB,
    available_bytes: 12 * GB,
    free_bytes: 10 * GB,
    cached_bytes: 2 * GB,
    buffers_bytes: 0,
    usage_percent: 25,
    swap_total_bytes: 0,
    swap_used_bytes: 0,
    swap_free_bytes: 0,
    swap_usage_percent: 0,
    ...overrides,
  };
}

describe('formatMemoryDetails', () => {
  test('used of total with usage', () => {
    assert.equal(F.formatMemoryDetails(memory({})), '4 GB / 16 GB (25.0%)');
  });
  test('swap when the host has some', () => {
    const withSwap = memory({ swap_total_bytes: 2 * GB, swap_used_bytes: 512 * MB, swap_usage_percent: 25 });
    assert.equal(F.formatMemoryDetails(withSwap), '4 GB / 16 GB (25.0%), swap 512 MB / 2 GB (25.0%)');
  });
  test('no memory data is N/A', () => {
    assert.equal(F.formatMemoryDetails(memory({ total_bytes: 0 })), 'N/A');
    assert.equal(F.formatMemoryDetails(undefined), 'N/A');
  });
});

function disk(overrides: Partial<DiskMetrics>): DiskMetrics {
  return {
    device: '/dev/sda1',
    mount_point: '/',
    total_bytes: 50 * GB,
    used_bytes: 12 * GB,
    available_bytes: 38 * GB,
    usage_percent: 24,
    read_bytes_per_sec: 1.5 * MB,
    write_bytes_per_sec: 200,
    read_ops_per_sec: 0,
    write_ops_per_sec: 0,
    io_util_percent: 0,
    ...overrides,
  };
}

describe('formatDiskDetails', () => {
  test('mount point, device, space and rates', () => {
    assert.equal(
      F.formatDiskDetails(disk({})),
      '/ (/dev/sda1): 12 GB / 50 GB (24.0%), read 1.5 MB/s, write 200 B/s',
    );
  });
  test('a disk without mount point shows its device alone', () => {
    assert.equal(
      F.formatDiskDetails(disk({ mount_point: '' })),
      '/dev/sda1: 12 GB / 50 GB (24.0%), read 1.5 MB/s, write 200 B/s',
    );
  });
  test('no disk is N/A', () => assert.equal(F.formatDiskDetails(undefined), 'N/A'));
});
