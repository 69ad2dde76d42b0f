// Agent page tiles: the current value of each metric group at a glance.
import { h, setText, meter, setMeter } from './dom.js';
import {
  formatPercent, formatBytes, formatBytesPerSecond, formatBitsPerSecond, formatLoad,
  formatUptime, formatCount, formatCelsius,
} from './format.js';

const TILES = [
  ['cpu', 'CPU'], ['mem', 'Memory'], ['swap', 'Swap'], ['load', 'Load'],
  ['net', 'Network'], ['disk', 'Disk I/O'], ['procs', 'Processes'], ['uptime', 'Uptime'],
];
const WITH_METER = new Set(['cpu', 'mem', 'swap']);

const sum = (items, f) => (items ?? []).reduce((acc, x) => acc + (f(x) || 0), 0);

/**
 * The text of each tile from a MetricsSnapshot (and SystemInfo for uptime and kernel):
 * {key: {value, sub, percent?}}, percent filling the meters of CPU, memory and swap.
 */
export function tileTexts(m, system) {
  const mem = m.memory;
  const hasSwap = mem.swap_total_bytes > 0;
  const p = m.processes;
  return {
    cpu: {
      value: formatPercent(m.cpu.usage_percent),
      percent: m.cpu.usage_percent,
      sub: `${m.cpu.core_usage.length} cores${m.cpu.temperature_celsius > 0 ? ` · ${formatCelsius(m.cpu.temperature_celsius)}` : ''}`,
    },
    mem: {
      value: formatPercent(mem.usage_percent),
      percent: mem.usage_percent,
      sub: `${formatBytes(mem.used_bytes)} of ${formatBytes(mem.total_bytes)}`,
    },
    swap: {
      value: hasSwap ? formatPercent(mem.swap_usage_percent) : 'none',
      percent: hasSwap ? mem.swap_usage_percent : 0,
      sub: hasSwap ? `${formatBytes(mem.swap_used_bytes)} of ${formatBytes(mem.swap_total_bytes)}` : 'no swap configured',
    },
    load: { value: formatLoad(m.load.load1), sub: `5m ${formatLoad(m.load.load5)} · 15m ${formatLoad(m.load.load15)}` },
    net: {
      value: `↓ ${formatBitsPerSecond(sum(m.network_interfaces, (n) => n.bytes_recv_per_sec))}`,
      sub: `↑ ${formatBitsPerSecond(sum(m.network_interfaces, (n) => n.bytes_sent_per_sec))}`,
    },
    disk: {
      value: `R ${formatBytesPerSecond(sum(m.disks, (d) => d.read_bytes_per_sec))}`,
      sub: `W ${formatBytesPerSecond(sum(m.disks, (d) => d.write_bytes_per_sec))}`,
    },
    procs: {
      value: formatCount(p.total_processes),
      sub: `${formatCount(p.running_processes)} running · ${formatCount(p.zombie_processes)} zombie`,
    },
    uptime: uptimeTile(m, system),
  };
}

/** Uptime comes with system info; it grows with the clock since that report. */
function uptimeTile(m, system) {
  const up = system?.software?.uptime_seconds;
  const upNow = up ? up + Math.max(0, (m.timestamp || 0) - (system.timestamp || 0)) : null;
  const kernel = system?.software?.os?.kernel_version;
  return { value: upNow ? formatUptime(upNow) : '–', sub: kernel ? `kernel ${kernel}` : '' };
}

/** Builds the row of tiles: {el, render(snapshot, system)}. */
export function createTiles() {
  const parts = new Map();
  const el = h('section', { class: 'tiles', 'aria-label': 'Current values' }, TILES.map(([key, label]) => {
    const part = {
      value: h('span', { class: 'tile-value' }, '–'),
      sub: h('span', { class: 'tile-sub' }, ''),
      meter: WITH_METER.has(key) ? meter(`${label} usage`) : null,
    };
    parts.set(key, part);
    return h('div', { class: 'tile', id: `tile-${key}` },
      h('span', { class: 'tile-label' }, label), part.value, part.meter, part.sub);
  }));

  return {
    el,
    render(m, system) {
      for (const [key, text] of Object.entries(tileTexts(m, system))) {
        const part = parts.get(key);
        setText(part.value, text.value);
        setText(part.sub, text.sub);
        if (part.meter) setMeter(part.meter, text.percent);
      }
    },
  };
}
