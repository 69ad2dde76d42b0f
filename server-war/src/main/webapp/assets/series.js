// Turning API data into chart columns. Pure functions: unit-tested with `node --test`.

/** An instance name as the server writes it in series names: other chars than [A-Za-z0-9_-] → _. */
export function instanceName(name) {
  const safe = String(name ?? '').replace(/[^A-Za-z0-9_-]/g, '_');
  return safe || '_';
}

/** The name a disk goes by in series names: its device without /dev/, else its mount point. */
export function diskName(d) {
  let device = d.device || '';
  if (device.startsWith('/dev/')) device = device.slice(5);
  return device || d.mount_point || '';
}

/** Flattens a MetricsSnapshot into the rolling store's keys. */
export function snapshotValues(m) {
  const v = new Map();
  v.set('cpu.total', m.cpu?.usage_percent);
  v.set('cpu.user', m.cpu?.user_percent);
  v.set('cpu.system', m.cpu?.system_percent);
  v.set('cpu.iowait', m.cpu?.iowait_percent);
  (m.cpu?.core_usage ?? []).forEach((c, i) => v.set(`core.${i}`, c));
  v.set('mem.used', m.memory?.usage_percent);
  v.set('mem.swap', m.memory?.swap_total_bytes > 0 ? m.memory.swap_usage_percent : null);
  v.set('load.1', m.load?.load1);
  v.set('load.5', m.load?.load5);
  v.set('load.15', m.load?.load15);
  for (const n of m.network_interfaces ?? []) {
    v.set(`net.${instanceName(n.interface)}.rx`, n.bytes_recv_per_sec);
    v.set(`net.${instanceName(n.interface)}.tx`, n.bytes_sent_per_sec);
  }
  for (const d of m.disks ?? []) {
    const name = instanceName(diskName(d));
    v.set(`disk.${name}.read`, d.read_bytes_per_sec);
    v.set(`disk.${name}.write`, d.write_bytes_per_sec);
  }
  return v;
}

const HISTORY_KEYS = {
  'cpu.usage_percent': 'cpu.total',
  'cpu.user_percent': 'cpu.user',
  'cpu.system_percent': 'cpu.system',
  'cpu.iowait_percent': 'cpu.iowait',
  'memory.usage_percent': 'mem.used',
  'load.load1': 'load.1',
  'load.load5': 'load.5',
  'load.load15': 'load.15',
};
const HISTORY_PATTERNS = [
  [/^cpu\.core(\d+)\.usage_percent$/, (m) => `core.${m[1]}`],
  [/^network\.(.+)\.bytes_recv_per_sec$/, (m) => `net.${m[1]}.rx`],
  [/^network\.(.+)\.bytes_sent_per_sec$/, (m) => `net.${m[1]}.tx`],
  [/^disk\.(.+)\.read_bytes_per_sec$/, (m) => `disk.${m[1]}.read`],
  [/^disk\.(.+)\.write_bytes_per_sec$/, (m) => `disk.${m[1]}.write`],
];

/**
 * The same keys as snapshotValues, from one History point's series values, so that the live
 * charts can start from recent history instead of an empty window.
 */
export function historyValues(values) {
  const v = new Map();
  for (const [series, value] of Object.entries(values ?? {})) {
    const key = HISTORY_KEYS[series]
      ?? HISTORY_PATTERNS.map(([re, f]) => { const m = series.match(re); return m && f(m); }).find(Boolean);
    if (key) v.set(key, value);
  }
  if (values?.['memory.swap_total_bytes'] > 0) v.set('mem.swap', values['memory.swap_usage_percent']);
  return v;
}

/**
 * Turns History data points into uPlot columns, putting a null where consecutive points are
 * further apart than two buckets so that a line never bridges a time the agent was away.
 */
export function toColumns(points, keys, intervalSeconds) {
  const xs = [];
  const columns = keys.map(() => []);
  const gap = Math.max(2 * (intervalSeconds || 0), 0);
  let previous = null;
  for (const p of points) {
    if (gap > 0 && previous !== null && p.timestamp - previous > gap) {
      xs.push(previous + Math.max(1, Math.floor(gap / 2)));
      columns.forEach((c) => c.push(null));
    }
    xs.push(p.timestamp);
    keys.forEach((k, i) => {
      const v = p.values?.[k];
      columns[i].push(Number.isFinite(v) ? v : null);
    });
    previous = p.timestamp;
  }
  return { xs, columns };
}

/**
 * Fixed-size columns of live points keyed by series name: new keys are back-filled with nulls,
 * old points drop off the front once `capacity` is reached.
 */
export class Rolling {
  constructor(capacity) {
    this.capacity = capacity;
    this.xs = [];
    this.columns = new Map();
  }

  /** Adds one point per key at time x (Unix seconds); an x not newer than the last is ignored. */
  push(x, values) {
    const n = this.xs.length;
    if (n && x <= this.xs[n - 1]) return false;
    this.xs.push(x);
    for (const [key, value] of values) {
      if (!this.columns.has(key)) this.columns.set(key, new Array(n).fill(null));
    }
    for (const [key, column] of this.columns) {
      const v = values.get(key);
      column.push(Number.isFinite(v) ? v : null);
    }
    if (this.xs.length > this.capacity) {
      this.xs.shift();
      for (const column of this.columns.values()) column.shift();
    }
    return true;
  }

  /**
   * Puts older points (ascending [x, Map] pairs) in front of the ones held: only those before the
   * first point held are taken, and the newest are kept when all don't fit.
   */
  prepend(entries) {
    const held = this.xs.map((x, i) => [x, new Map([...this.columns].map(([k, c]) => [k, c[i]]))]);
    const first = this.xs[0] ?? Infinity;
    const older = entries.filter(([x]) => x < first);
    this.clear();
    for (const [x, values] of [...older, ...held]) this.push(x, values);
  }

  keys(prefix = '') {
    return [...this.columns.keys()].filter((k) => k.startsWith(prefix));
  }

  column(key) {
    return this.columns.get(key) ?? new Array(this.xs.length).fill(null);
  }

  clear() {
    this.xs = [];
    this.columns.clear();
  }
}
