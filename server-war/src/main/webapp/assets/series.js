// Turning API data into chart columns. Pure functions: unit-tested with `node --test`.

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
    v.set(`net.${n.interface}.rx`, n.bytes_recv_per_sec);
    v.set(`net.${n.interface}.tx`, n.bytes_sent_per_sec);
  }
  for (const d of m.disks ?? []) {
    const name = d.device || d.mount_point;
    v.set(`disk.${name}.read`, d.read_bytes_per_sec);
    v.set(`disk.${name}.write`, d.write_bytes_per_sec);
  }
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
