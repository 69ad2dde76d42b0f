// The Processes tab: process counts by state and the processes the agent tracks by rule.
import { h, table } from './dom.js';
import { formatPercent, formatBytes, formatCount } from './format.js';

const TRACKED_HEADERS = ['Name', 'PID', 'CPU', 'Memory', 'Virtual', 'Threads', 'Read', 'Written'];

/** [label, count] pairs of a snapshot's processes group. */
export function processCounts(p) {
  return [
    ['Total', p.total_processes], ['Running', p.running_processes],
    ['Sleeping', p.sleeping_processes], ['Zombie', p.zombie_processes],
  ];
}

/** Table cells of the tracked processes. */
export function trackedRows(tracked) {
  return (tracked ?? []).map((t) => [
    t.task_id, String(t.pid), formatPercent(t.cpu_percent), formatBytes(t.memory_bytes),
    formatBytes(t.virtual_memory_bytes), formatCount(t.threads), formatBytes(t.read_bytes), formatBytes(t.write_bytes),
  ]);
}

/** Fills the Processes tab's `panel`: {render(snapshot)}. */
export function mountProcesses(panel) {
  const counts = h('div', { id: 'process-counts', class: 'facts-row' });
  const tracked = h('div', { id: 'process-table' });
  panel.append(h('h2', {}, 'Processes'), counts, h('h2', {}, 'Tracked processes'), tracked);

  return {
    render(m) {
      counts.replaceChildren(...processCounts(m.processes).map(([k, v]) => h('div', { class: 'fact' },
        h('span', { class: 'tile-label' }, k), h('span', { class: 'tile-value' }, formatCount(v)))));
      const rows = trackedRows(m.processes.task_processes);
      tracked.replaceChildren(rows.length
        ? table('Tracked processes', TRACKED_HEADERS, rows, { numeric: [1, 2, 3, 4, 5, 6, 7] })
        : h('p', { class: 'empty' }, 'No tracked processes. Configure process rules on the agent to follow services here.'));
    },
  };
}
