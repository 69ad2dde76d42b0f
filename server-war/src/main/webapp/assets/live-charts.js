// What the Live tab draws: its charts' series from the rolling store's keys, and the time window.
// Pure functions: unit-tested with `node --test`.
import { formatPercent, formatBytesPerSecond, formatBitsPerSecond, formatLoad } from './format.js';

/** Points kept per series (at 1 s, five minutes). */
export const LIVE_POINTS = 300;
/** The window the charts show, in live intervals. */
export const LIVE_WINDOW_INTERVALS = 120;
/** While fewer points exist, the charts still span at least this many intervals. */
const MIN_WINDOW_INTERVALS = 10;

/** One series per network interface and direction: in solid, out dashed. */
export function networkSeries(keys) {
  return keys.map((k) => {
    const [, name, dir] = k.match(/^net\.(.*)\.(rx|tx)$/) ?? [null, k, ''];
    return { key: k, label: `${name} ${dir === 'rx' ? '↓ in' : '↑ out'}`, dash: dir === 'tx' ? [5, 3] : undefined };
  });
}

/** One series per disk and direction: reads solid, writes dashed. */
export function diskSeries(keys) {
  return keys.map((k) => {
    const [, name, dir] = k.match(/^disk\.(.*)\.(read|write)$/) ?? [null, k, ''];
    return { key: k, label: `${name} ${dir}`, dash: dir === 'write' ? [5, 3] : undefined };
  });
}

/** The chart definitions of the Live tab: which rolling keys each draws and how. */
export const LIVE_CHARTS = [
  {
    id: 'chart-cpu', title: 'CPU usage', format: formatPercent, range: [0, 100],
    series: () => [
      { key: 'cpu.total', label: 'Total', width: 2.2 },
      { key: 'cpu.user', label: 'User' },
      { key: 'cpu.system', label: 'System' },
      { key: 'cpu.iowait', label: 'I/O wait' },
    ],
  },
  {
    id: 'chart-cores', title: 'CPU per core', format: formatPercent, range: [0, 100],
    series: (r) => r.keys('core.').map((k) => ({ key: k, label: `Core ${k.slice(5)}`, width: 1.2 })),
  },
  {
    id: 'chart-memory', title: 'Memory and swap', format: formatPercent, range: [0, 100],
    series: () => [{ key: 'mem.used', label: 'Memory', width: 2 }, { key: 'mem.swap', label: 'Swap' }],
  },
  {
    id: 'chart-load', title: 'Load average', format: formatLoad, range: null,
    series: () => [
      { key: 'load.1', label: '1 min', width: 2 }, { key: 'load.5', label: '5 min' }, { key: 'load.15', label: '15 min' },
    ],
  },
  {
    id: 'chart-network', title: 'Network (bits per second)', format: formatBitsPerSecond, range: null,
    series: (r) => networkSeries(r.keys('net.')),
  },
  {
    id: 'chart-disk', title: 'Disk I/O (per second)', format: formatBytesPerSecond, range: null,
    series: (r) => diskSeries(r.keys('disk.')),
  },
];

/**
 * The x range of the live charts: a window sliding over the last LIVE_WINDOW_INTERVALS intervals;
 * while fewer points exist it spans what there is (at least 10 intervals) instead of a sliver at
 * the right edge. Null before the first point.
 */
export function liveXRange(xs, interval) {
  const last = xs.at(-1);
  if (!last) return null;
  const first = Math.max(xs[0] ?? 0, last - interval * LIVE_WINDOW_INTERVALS);
  return [Math.min(first, last - interval * MIN_WINDOW_INTERVALS), last];
}
