// History tab: ranges of 5 min to 24 h from GET /agents/{id}/metrics/history, bucketed by the
// server to about one point per pixel (max_points), refreshed while the tab is shown.
import * as api from './api.js';
import { h, setText, setAttr } from './dom.js';
import {
  formatPercent, formatLoad, formatBitsPerSecond, formatBytesPerSecond, formatInterval, formatClock, formatCount,
} from './format.js';
import { TimeChart } from './charts.js';
import { toColumns } from './series.js';

const RANGES = [
  ['5m', '5 min', 300],
  ['30m', '30 min', 1800],
  ['1h', '1 hour', 3600],
  ['24h', '24 hours', 86400],
];

const CHARTS = [
  {
    id: 'history-percent', title: 'CPU, memory, swap and disk usage', format: formatPercent, range: [0, 100],
    series: [
      { key: 'cpu.usage_percent', label: 'CPU', width: 2 },
      { key: 'memory.usage_percent', label: 'Memory' },
      { key: 'memory.swap_usage_percent', label: 'Swap' },
      { key: 'disk.usage_percent', label: 'Disk used' },
    ],
  },
  {
    id: 'history-load', title: 'Load average', format: formatLoad, range: null,
    series: [
      { key: 'load.load1', label: '1 min', width: 2 }, { key: 'load.load5', label: '5 min' }, { key: 'load.load15', label: '15 min' },
    ],
  },
  {
    id: 'history-network', title: 'Network, all interfaces', format: formatBitsPerSecond, range: null,
    series: [
      { key: 'network.bytes_recv_per_sec', label: '↓ in' }, { key: 'network.bytes_sent_per_sec', label: '↑ out', dash: [5, 3] },
    ],
  },
  {
    id: 'history-disk', title: 'Disk I/O, all devices', format: formatBytesPerSecond, range: null,
    series: [
      { key: 'disk.read_bytes_per_sec', label: 'Read' }, { key: 'disk.write_bytes_per_sec', label: 'Write', dash: [5, 3] },
    ],
  },
];

// The newest alert transitions listed above the charts; all of them are drawn as markers.
const MAX_MARK_ROWS = 5;

const METRICS = CHARTS.flatMap((c) => c.series.map((s) => s.key));

/** Builds the History tab inside `panel`; returns {show, hide, destroy}. */
export function mountHistory(panel, id) {
  let range = localStorage.getItem('nl.range') || '30m';
  if (!RANGES.some(([k]) => k === range)) range = '30m';
  let timer = null;
  let visible = false;
  let request = 0;
  let destroyed = false;

  const buttons = new Map();
  const group = h('div', { class: 'segmented', role: 'group', 'aria-label': 'History range', id: 'history-ranges' },
    RANGES.map(([key, label]) => {
      const b = h('button', {
        type: 'button', class: 'seg', dataset: { range: key },
        onclick: () => { range = key; localStorage.setItem('nl.range', key); markRange(); load(); },
      }, label);
      buttons.set(key, b);
      return b;
    }));
  const info = h('p', { class: 'history-info', id: 'history-info', 'aria-live': 'polite' }, '');
  const refresh = h('button', { type: 'button', class: 'button', onclick: () => load() }, 'Refresh');
  const charts = CHARTS.map((def) => {
    const chart = new TimeChart({ title: def.title, id: def.id, format: def.format, range: def.range });
    chart.setSeries(def.series);
    chart.def = def;
    return chart;
  });
  const empty = h('p', { class: 'empty', hidden: true, id: 'history-empty' }, 'No history in this range yet.');
  const alerts = h('ul', { class: 'alert-marks', id: 'history-alerts', hidden: true, 'aria-label': 'Alert transitions in this range' });
  panel.append(
    h('div', { class: 'panel-tools' }, group, refresh),
    info, alerts, empty,
    h('div', { class: 'chart-grid' }, charts.map((c) => c.el)));
  markRange();

  /** Firing and resolved transitions as markers on every chart and as a list above them. */
  function showAlertMarks(events) {
    const marks = events.filter((e) => e.to === 'firing' || e.to === 'resolved');
    const markers = marks.map((e) => ({ time: Date.parse(e.at) / 1000, state: e.to }));
    charts.forEach((c) => c.setMarkers(markers));
    alerts.replaceChildren(...marks.slice(0, MAX_MARK_ROWS).map((e) => h('li', { class: `alert-mark ${e.to}` },
      h('span', { class: `badge alert-state ${e.to}` }, e.to), ' ',
      h('span', {}, `${formatClock(Date.parse(e.at) / 1000, true)} ${e.rule}${e.instance ? ` (${e.instance})` : ''}`),
      e.summary ? h('span', { class: 'muted' }, ` — ${e.summary}`) : null)));
    alerts.hidden = marks.length === 0;
  }

  function markRange() {
    for (const [key, b] of buttons) setAttr(b, 'aria-pressed', key === range ? 'true' : 'false');
  }

  async function load() {
    clearTimeout(timer);
    const seconds = RANGES.find(([k]) => k === range)[2];
    const end = Math.floor(Date.now() / 1000);
    const start = end - seconds;
    const maxPoints = Math.max(100, Math.min(1000, Math.round(panel.clientWidth || 600)));
    const mine = ++request;
    setAttr(panel, 'aria-busy', 'true');
    try {
      const [hist, events] = await Promise.all([
        api.history(id, { metrics: METRICS, start, end, maxPoints }),
        // The markers are an extra: a failed alert query leaves the charts drawn without them.
        api.agentAlertEvents(id, start).catch(() => []),
      ]);
      if (mine !== request || destroyed) return;
      showAlertMarks(events);
      const points = hist?.data_points ?? [];
      for (const chart of charts) {
        const { xs, columns } = toColumns(points, chart.def.series.map((s) => s.key), hist.interval_seconds);
        chart.xRange = [start, end];
        chart.setData(xs, columns);
      }
      empty.hidden = points.length > 0;
      const bucket = hist.interval_seconds > 0 ? `one per ${formatInterval(hist.interval_seconds)}` : 'raw points';
      setText(info, `${formatCount(hist.total_points ?? points.length)} points · ${bucket}`
        + ` · ${formatClock(start, false)}–${formatClock(end, false)}${hist.truncated ? ' · truncated' : ''}`);
    } catch (e) {
      if (mine !== request || destroyed) return;
      setText(info, `Could not load history: ${e.message}`);
    } finally {
      if (mine === request) setAttr(panel, 'aria-busy', null);
    }
    if (visible && !destroyed && mine === request) {
      timer = setTimeout(load, Math.max(10, seconds / 120) * 1000);
    }
  }

  return {
    show() {
      if (visible) return;
      visible = true;
      load();
    },
    hide() {
      visible = false;
      clearTimeout(timer);
    },
    destroy() {
      destroyed = true;
      clearTimeout(timer);
      charts.forEach((c) => c.destroy());
    },
  };
}
