import type { DiskMetrics, MemoryMetrics } from './types.js';

/**
 * Display helpers for metric values, as NodeLink's original client had them.
 *
 * Edge cases, the same for every method:
 * - A value that is not a finite number (`NaN`, `Infinity`, `undefined`, `null`) gives `N/A`.
 * - Negative sizes and rates keep their sign (`-1.5 KB`); they only appear when a caller
 *   subtracts two readings, and hiding the sign would hide the error.
 * - Values past the largest unit stay in that unit (`2048 TB`, `1500.0 Gbps`).
 * - Rounding never shows a unit's upper bound: 1023.96 KB is `1 MB`, not `1024 KB`.
 * - `-0` prints as `0`.
 */
export class MetricsFormatter {
  private constructor() {}

  /** Bytes, 1024-based, one decimal with a trailing `.0` dropped: `0 B`, `512 B`, `1.5 KB`, `16 GB`. */
  static formatBytes(bytes: number): string {
    if (!isFiniteNumber(bytes)) return NOT_AVAILABLE;
    const { value, unit } = scale(bytes, 1024, BYTE_UNITS, 1);
    return `${trimZeroDecimal(value.toFixed(1))} ${unit}`;
  }

  /** A percentage with one decimal: `45.2%`. */
  static formatPercentage(value: number): string {
    if (!isFiniteNumber(value)) return NOT_AVAILABLE;
    return `${fixed(value, 1)}%`;
  }

  /**
   * An uptime: `Ym` below an hour, `Xh Ym` from an hour on, with hours not folded into days
   * (`90061` → `25h 1m`), exactly as NodeLink's original client prints it, so existing
   * displays and tests keep working. Seconds are dropped (`59` → `0m`); negative uptimes give
   * `N/A`.
   */
  static formatUptime(seconds: number): string {
    if (!isFiniteNumber(seconds) || seconds < 0) return NOT_AVAILABLE;
    const total = Math.floor(seconds);
    const hours = Math.floor(total / 3_600);
    const minutes = Math.floor((total % 3_600) / 60);
    if (hours > 0) return `${hours}h ${minutes}m`;
    return `${minutes}m`;
  }

  /** A load average with two decimals: `1.23`. */
  static formatLoadAverage(load: number): string {
    if (!isFiniteNumber(load)) return NOT_AVAILABLE;
    return fixed(load, 2);
  }

  /**
   * Unix seconds as a local date and time (`Date.toLocaleString`, with optional locale and
   * options). `0` and negative timestamps mean "never" in the API and give `N/A`.
   */
  static formatTimestamp(
    unixSeconds: number,
    locales?: string | string[],
    options?: Intl.DateTimeFormatOptions,
  ): string {
    if (!isFiniteNumber(unixSeconds) || unixSeconds <= 0) return NOT_AVAILABLE;
    const date = new Date(unixSeconds * 1000);
    if (Number.isNaN(date.getTime())) return NOT_AVAILABLE;
    return date.toLocaleString(locales, options);
  }

  /**
   * A network rate given in bytes per second, shown in bits per second, 1000-based:
   * `800 bps`, `1.5 Kbps`, `150.0 Mbps`, `1.2 Gbps`.
   */
  static formatNetworkSpeed(bytesPerSec: number): string {
    if (!isFiniteNumber(bytesPerSec)) return NOT_AVAILABLE;
    return formatRate(bytesPerSec * 8, 1000, BIT_RATE_UNITS);
  }

  /** A disk rate in bytes per second, 1024-based: `512 B/s`, `1.5 KB/s`, `45.0 MB/s`. */
  static formatDiskIO(bytesPerSec: number): string {
    if (!isFiniteNumber(bytesPerSec)) return NOT_AVAILABLE;
    return formatRate(bytesPerSec, 1024, BYTE_RATE_UNITS);
  }

  /**
   * The mean of per-core usages and the core count: `45.0% avg (4 cores)`, `12.5% avg (1 core)`.
   * Non-finite entries are left out of the mean (but counted as cores); no cores, or no finite
   * value, gives `N/A`.
   */
  static formatCpuCores(coreUsage: readonly number[] | null | undefined): string {
    if (!coreUsage || coreUsage.length === 0) return NOT_AVAILABLE;
    const finite = coreUsage.filter(isFiniteNumber);
    if (finite.length === 0) return NOT_AVAILABLE;
    const mean = finite.reduce((sum, v) => sum + v, 0) / finite.length;
    const cores = coreUsage.length === 1 ? '1 core' : `${coreUsage.length} cores`;
    return `${MetricsFormatter.formatPercentage(mean)} avg (${cores})`;
  }

  /**
   * Used of total memory with the usage: `4 GB / 16 GB (25.0%)`, plus swap when the host has
   * any: `4 GB / 16 GB (25.0%), swap 512 MB / 2 GB (25.0%)`. No memory data (total 0) gives `N/A`.
   */
  static formatMemoryDetails(memory: MemoryMetrics | null | undefined): string {
    if (!memory || !(memory.total_bytes > 0)) return NOT_AVAILABLE;
    const fmt = MetricsFormatter;
    const main =
      `${fmt.formatBytes(memory.used_bytes)} / ${fmt.formatBytes(memory.total_bytes)}` +
      ` (${fmt.formatPercentage(memory.usage_percent)})`;
    if (!(memory.swap_total_bytes > 0)) return main;
    return (
      `${main}, swap ${fmt.formatBytes(memory.swap_used_bytes)} / ` +
      `${fmt.formatBytes(memory.swap_total_bytes)} (${fmt.formatPercentage(memory.swap_usage_percent)})`
    );
  }

  /**
   * One disk: mount point, device, used of total and usage, then its I/O rates:
   * `/ (/dev/sda1): 12 GB / 50 GB (24.0%), read 1.5 MB/s, write 200 B/s`. A disk without a
   * mount point shows its device alone; no disk gives `N/A`.
   */
  static formatDiskDetails(disk: DiskMetrics | null | undefined): string {
    if (!disk) return NOT_AVAILABLE;
    const fmt = MetricsFormatter;
    const name =
      disk.mount_point && disk.device && disk.mount_point !== disk.device
        ? `${disk.mount_point} (${disk.device})`
        : disk.mount_point || disk.device || '?';
    return (
      `${name}: ${fmt.formatBytes(disk.used_bytes)} / ${fmt.formatBytes(disk.total_bytes)}` +
      ` (${fmt.formatPercentage(disk.usage_percent)}),` +
      ` read ${fmt.formatDiskIO(disk.read_bytes_per_sec)}, write ${fmt.formatDiskIO(disk.write_bytes_per_sec)}`
    );
  }
}

const NOT_AVAILABLE = 'N/A';
const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;
const BYTE_RATE_UNITS = ['B/s', 'KB/s', 'MB/s', 'GB/s'] as const;
const BIT_RATE_UNITS = ['bps', 'Kbps', 'Mbps', 'Gbps'] as const;

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** `toFixed` without a negative zero: `-0.04` to one decimal is `0.0`, not `-0.0`. */
function fixed(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return Number(text) === 0 ? (0).toFixed(decimals) : text;
}

function trimZeroDecimal(text: string): string {
  return text.endsWith('.0') ? text.slice(0, -2) : text;
}

/**
 * Picks the unit for a magnitude so that the value, once rounded to the decimals that unit is
 * shown with, stays below the base (or the unit is the last one).
 */
function scale(
  raw: number,
  base: number,
  units: readonly string[],
  decimalsOf: number | ((unitIndex: number) => number),
): { value: number; unit: string; index: number } {
  const sign = raw < 0 ? -1 : 1;
  let magnitude = Math.abs(raw);
  let index = 0;
  const decimals = (i: number) => (typeof decimalsOf === 'number' ? decimalsOf : decimalsOf(i));
  while (index < units.length - 1 && Number(magnitude.toFixed(decimals(index))) >= base) {
    magnitude /= base;
    index++;
  }
  const value = Number(magnitude.toFixed(decimals(index))) === 0 ? 0 : sign * magnitude;
  return { value, unit: units[index]!, index };
}

/** The first unit without decimals, the others with one (never dropping `.0`). */
function formatRate(raw: number, base: number, units: readonly string[]): string {
  const { value, unit, index } = scale(raw, base, units, (i) => (i === 0 ? 0 : 1));
  return `${fixed(value, index === 0 ? 0 : 1)} ${unit}`;
}
