// Agent page: live charts over SSE, history, system info and tracked processes, in tabs.
// One EventSource per open page; it is closed when the page is left (route change, pagehide,
// or a hidden tab after a grace period), so the server can stop the agent's stream.
import * as api from './api.js';
import { timed } from './stats.js';
import { h, setText, setAttr, meter, setMeter, frameBatcher, table } from './dom.js';
import {
  formatPercent, formatBytes, formatBytesPerSecond, formatBitsPerSecond, formatLoad,
  formatUptime, formatAgo, formatCount, formatCelsius,
} from './format.js';
import { TimeChart } from './charts.js';
import { Rolling, snapshotValues, historyValues } from './series.js';
import { mountHistory } from './history.js';
import { renderSystem } from './system.js';

const LIVE_POINTS = 300;
const LIVE_WINDOW_INTERVALS = 120;
const SUMMARY_POLL_MS = 10000;
const HIDDEN_GRACE_MS = 30000;
const INTERVALS = [1, 2, 5, 10, 30, 60];
const TABS = [
  ['live', 'Live'],
  ['history', 'History'],
  ['system', 'System'],
  ['processes', 'Processes'],
];

/** The chart definitions of the Live tab: which rolling keys each draws and how. */
const LIVE_CHARTS = [
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
    series: (r) => r.keys('net.').map((k) => {
      const [, name, dir] = k.match(/^net\.(.*)\.(rx|tx)$/) ?? [null, k, ''];
      return { key: k, label: `${name} ${dir === 'rx' ? '↓ in' : '↑ out'}`, dash: dir === 'tx' ? [5, 3] : undefined };
    }),
  },
  {
    id: 'chart-disk', title: 'Disk I/O (per second)', format: formatBytesPerSecond, range: null,
    series: (r) => r.keys('disk.').map((k) => {
      const [, name, dir] = k.match(/^disk\.(.*)\.(read|write)$/) ?? [null, k, ''];
      return { key: k, label: `${name} ${dir}`, dash: dir === 'write' ? [5, 3] : undefined };
    }),
  },
];

const sum = (items, f) => (items ?? []).reduce((acc, x) => acc + (f(x) || 0), 0);

/** Shows agent `id` in `main` with tab `tab` selected; returns {showTab, unmount}. */
export function mountAgent(main, { id, tab }, { setConn, setCrumbs }) {
  let stopped = false;
  let source = null;
  let hiddenTimer = null;
  let summaryTimer = null;
  let interval = Number(localStorage.getItem('nl.interval')) || 5;
  if (!INTERVALS.includes(interval)) interval = 5;
  let summary = null;
  let latest = null;
  let system = null;
  let liveDirty = false;
  let procsShown = null;
  const rolling = new Rolling(LIVE_POINTS);

  setCrumbs([['#/', 'Agents'], [null, id]]);
  document.title = `${id} · NodeLink Metrics`;

  // ---- header ----
  const title = h('h1', { id: 'agent-title', tabindex: -1 }, id);
  const statusBadge = h('span', { class: 'badge status', id: 'agent-status' }, '…');
  const streamBadge = h('span', { class: 'badge stream', id: 'agent-stream' }, 'Connecting…');
  const hostLine = h('p', { class: 'host', id: 'agent-host' }, '');
  const seenLine = h('p', { class: 'seen', id: 'agent-seen' }, '');
  const intervalSelect = h('select', {
    id: 'interval', 'aria-label': 'Live update interval',
    onchange: () => {
      interval = Number(intervalSelect.value);
      localStorage.setItem('nl.interval', String(interval));
      openStream();
    },
  }, INTERVALS.map((s) => h('option', { value: s }, `Every ${s} s`)));
  intervalSelect.value = String(interval);

  const tiles = {};
  const tile = (key, label) => {
    tiles[key] = { value: h('span', { class: 'tile-value' }, '–'), sub: h('span', { class: 'tile-sub' }, '') };
    if (key === 'cpu' || key === 'mem' || key === 'swap') tiles[key].meter = meter(`${label} usage`);
    return h('div', { class: 'tile', id: `tile-${key}` },
      h('span', { class: 'tile-label' }, label), tiles[key].value, tiles[key].meter, tiles[key].sub);
  };
  const tileRow = h('section', { class: 'tiles', 'aria-label': 'Current values' },
    tile('cpu', 'CPU'), tile('mem', 'Memory'), tile('swap', 'Swap'), tile('load', 'Load'),
    tile('net', 'Network'), tile('disk', 'Disk I/O'), tile('procs', 'Processes'), tile('uptime', 'Uptime'));

  // ---- tabs ----
  const tabButtons = new Map();
  const panels = new Map();
  const tablist = h('div', { role: 'tablist', class: 'tabs', 'aria-label': 'Agent views', onkeydown: onTabKey });
  for (const [key, label] of TABS) {
    const button = h('button', {
      role: 'tab', id: `tab-${key}`, 'aria-controls': `panel-${key}`, type: 'button',
      onclick: () => { location.hash = `#/agents/${encodeURIComponent(id)}/${key}`; },
    }, label);
    tabButtons.set(key, button);
    tablist.append(button);
    panels.set(key, h('section', {
      role: 'tabpanel', id: `panel-${key}`, 'aria-labelledby': `tab-${key}`, tabindex: 0, hidden: true,
    }));
  }

  // ---- live panel ----
  const liveCharts = LIVE_CHARTS.map((def) => {
    const chart = new TimeChart({ title: def.title, id: def.id, format: def.format, range: def.range });
    chart.def = def;
    return chart;
  });
  const diskUsage = h('div', { id: 'disk-usage' });
  const waiting = h('p', { class: 'empty', id: 'live-waiting' }, 'Waiting for the first metrics…');
  panels.get('live').append(
    waiting,
    h('div', { class: 'chart-grid' }, liveCharts.map((c) => c.el)),
    h('h2', {}, 'Disk usage'), diskUsage);

  // ---- processes panel ----
  const procCounts = h('div', { id: 'process-counts', class: 'facts-row' });
  const procTable = h('div', { id: 'process-table' });
  panels.get('processes').append(h('h2', {}, 'Processes'), procCounts, h('h2', {}, 'Tracked processes'), procTable);

  // ---- system panel ----
  const systemBody = h('div', { id: 'system-info' }, h('p', { class: 'empty' }, 'Loading system information…'));
  const refreshButton = h('button', { type: 'button', class: 'button', id: 'system-refresh', onclick: refreshSystem }, 'Refresh from agent');
  panels.get('system').append(h('div', { class: 'panel-tools' }, refreshButton), systemBody);

  // ---- history panel ----
  const historyView = mountHistory(panels.get('history'), id);

  main.replaceChildren(h('section', { class: 'agent-page', 'aria-labelledby': 'agent-title' },
    h('div', { class: 'agent-head' },
      h('div', { class: 'agent-id' }, title, statusBadge, streamBadge),
      h('div', { class: 'agent-meta' }, hostLine, seenLine),
      h('div', { class: 'tools' }, intervalSelect)),
    tileRow, tablist, [...panels.values()]));

  const schedule = frameBatcher(timed(render));
  let currentTab = null;
  showTab(tab);
  title.focus({ preventScroll: true });

  function showTab(key) {
    const next = panels.has(key) ? key : 'live';
    if (next === currentTab) return;
    currentTab = next;
    for (const [k, button] of tabButtons) {
      const selected = k === next;
      setAttr(button, 'aria-selected', selected ? 'true' : 'false');
      setAttr(button, 'tabindex', selected ? '0' : '-1');
      panels.get(k).hidden = !selected;
    }
    if (next === 'history') historyView.show(); else historyView.hide();
    procsShown = null;
    liveDirty = true;
    schedule();
  }

  function onTabKey(e) {
    const keys = TABS.map(([k]) => k);
    const i = keys.indexOf(currentTab);
    let j = null;
    if (e.key === 'ArrowRight') j = (i + 1) % keys.length;
    else if (e.key === 'ArrowLeft') j = (i - 1 + keys.length) % keys.length;
    else if (e.key === 'Home') j = 0;
    else if (e.key === 'End') j = keys.length - 1;
    if (j === null) return;
    e.preventDefault();
    location.hash = `#/agents/${encodeURIComponent(id)}/${keys[j]}`;
    tabButtons.get(keys[j]).focus();
  }

  // ---- data ----
  function openStream() {
    closeStream();
    if (stopped) return;
    setStreamState('connecting');
    const es = new EventSource(api.streamUrl(id, interval));
    source = es;
    es.addEventListener('open', () => { if (source === es) setStreamState('live'); });
    es.addEventListener('metrics', (e) => {
      if (source !== es) return;
      onSnapshot(JSON.parse(e.data));
    });
    es.addEventListener('status', (e) => {
      if (source !== es) return;
      const s = JSON.parse(e.data);
      if (summary) {
        summary = { ...summary, connected: s.connected, status: s.connected ? 'online' : 'offline' };
        schedule();
      }
    });
    es.addEventListener('error', () => {
      if (source !== es) return;
      // EventSource retries on its own while CONNECTING; CLOSED means the server refused.
      setStreamState(es.readyState === EventSource.CLOSED ? 'closed' : 'retrying');
      if (es.readyState === EventSource.CLOSED) {
        source = null;
        setTimeout(() => { if (!stopped && !source && !document.hidden) openStream(); }, 5000);
      }
    });
  }

  function closeStream() {
    if (source) {
      source.close();
      source = null;
    }
  }

  function setStreamState(state) {
    const text = { connecting: 'Connecting…', live: 'Live', retrying: 'Reconnecting…', closed: 'Stream closed', paused: 'Paused' }[state];
    setText(streamBadge, text);
    setAttr(streamBadge, 'data-on', state === 'live' ? 'true' : 'false');
    setAttr(main.querySelector('.agent-page'), 'data-stream', state);
    setConn(state === 'live' ? 'ok' : state === 'connecting' || state === 'paused' ? 'idle' : 'error',
      state === 'live' ? `Live, every ${interval} s` : text);
  }

  function onSnapshot(m) {
    latest = m;
    if (m.timestamp && rolling.push(m.timestamp, snapshotValues(m))) liveDirty = true;
    schedule();
  }

  async function pollSummary() {
    summaryTimer = null;
    if (stopped) return;
    try {
      const agents = await api.listAgents();
      if (stopped) return;
      const first = summary === null;
      summary = agents[id] ?? null;
      if (!summary) {
        showUnknown();
        return;
      }
      if (first) start();
      if (summary.has_system_info && !system) loadSystem();
      schedule();
    } catch (e) {
      setConn('error', 'Server unreachable, retrying…');
    }
    summaryTimer = setTimeout(pollSummary, SUMMARY_POLL_MS);
  }

  function start() {
    openStream();
    if (summary.has_metrics) prefill();
    if (!summary.has_system_info) {
      setText(systemBody, '');
      systemBody.append(h('p', { class: 'empty' }, 'The agent has not reported system information yet.'));
    }
  }

  /** Starts the live charts from the last window of history, so they aren't empty on open. */
  async function prefill() {
    const end = Math.floor(Date.now() / 1000);
    try {
      const hist = await api.history(id, {
        metrics: [], start: end - interval * LIVE_WINDOW_INTERVALS, end, maxPoints: LIVE_WINDOW_INTERVALS,
      });
      if (stopped) return;
      rolling.prepend((hist?.data_points ?? []).map((p) => [p.timestamp, historyValues(p.values)]));
      liveDirty = true;
      schedule();
    } catch {
      // No history yet: the charts fill from the stream.
    }
  }

  function showUnknown() {
    stopped = true;
    closeStream();
    setConn('idle', '');
    main.replaceChildren(h('section', { class: 'empty-page' },
      h('h1', { tabindex: -1 }, 'Unknown agent'),
      h('p', {}, `No agent with id “${id}” is known to this server.`),
      h('p', {}, h('a', { href: '#/' }, 'Back to all agents'))));
  }

  async function loadSystem() {
    try {
      system = await api.systemInfo(id);
      if (!stopped) {
        renderSystem(systemBody, system);
        schedule();
      }
    } catch (e) {
      systemBody.replaceChildren(h('p', { class: 'empty' }, `No system information: ${e.message}`));
    }
  }

  async function refreshSystem() {
    refreshButton.disabled = true;
    setText(refreshButton, 'Asking the agent…');
    const before = system?.timestamp ?? 0;
    try {
      await api.refreshSystemInfo(id);
      for (let i = 0; i < 15 && !stopped; i++) {
        await new Promise((r) => setTimeout(r, 1000));
        const info = await api.systemInfo(id).catch(() => null);
        if (info && info.timestamp !== before) {
          system = info;
          renderSystem(systemBody, system);
          break;
        }
      }
    } catch (e) {
      systemBody.prepend(h('p', { class: 'error', role: 'alert' }, `Refresh failed: ${e.message}`));
    } finally {
      refreshButton.disabled = false;
      setText(refreshButton, 'Refresh from agent');
      schedule();
    }
  }

  // ---- rendering, once per animation frame ----
  function render() {
    if (stopped) return;
    renderHead();
    if (latest) {
      waiting.hidden = true;
      renderTiles(latest);
      if (currentTab === 'processes' && procsShown !== latest) {
        procsShown = latest;
        renderProcesses(latest);
      }
      if (currentTab === 'live') renderDiskUsage(latest);
    }
    if (liveDirty && currentTab === 'live') {
      liveDirty = false;
      for (const chart of liveCharts) {
        const defs = chart.def.series(rolling);
        chart.setSeries(defs);
        // A window sliding over the last 120 intervals; while fewer points exist the chart
        // spans what there is (at least 10 intervals) instead of a sliver at the right edge.
        const last = rolling.xs.at(-1);
        const first = Math.max(rolling.xs[0] ?? 0, last - interval * LIVE_WINDOW_INTERVALS);
        chart.xRange = last ? [Math.min(first, last - interval * 10), last] : null;
        chart.setData(rolling.xs, defs.map((d) => rolling.column(d.key)));
      }
    }
  }

  function renderHead() {
    const online = summary?.status === 'online';
    setText(statusBadge, summary ? (online ? 'Online' : 'Offline') : '…');
    setAttr(main.querySelector('.agent-page'), 'data-status', summary ? (online ? 'online' : 'offline') : null);
    const sw = system?.software;
    const os = sw?.os;
    const hw = system?.hardware;
    setText(hostLine, [sw?.hostname, [os?.distribution || os?.name, os?.version].filter(Boolean).join(' '),
      hw?.cpu?.model, hw?.memory?.total_bytes ? `${formatBytes(hw.memory.total_bytes)} RAM` : null]
      .filter(Boolean).join(' · '));
    const now = Date.now();
    setText(seenLine, summary
      ? `Last seen ${formatAgo(Math.max(Date.parse(summary.last_seen) || 0, (latest?.timestamp ?? 0) * 1000), now)}`
        + ` · last data ${latest?.timestamp ? formatAgo(latest.timestamp * 1000, now) : 'none yet'}`
      : '');
  }

  function renderTiles(m) {
    setText(tiles.cpu.value, formatPercent(m.cpu.usage_percent));
    setMeter(tiles.cpu.meter, m.cpu.usage_percent);
    setText(tiles.cpu.sub, `${m.cpu.core_usage.length} cores${m.cpu.temperature_celsius > 0 ? ` · ${formatCelsius(m.cpu.temperature_celsius)}` : ''}`);
    setText(tiles.mem.value, formatPercent(m.memory.usage_percent));
    setMeter(tiles.mem.meter, m.memory.usage_percent);
    setText(tiles.mem.sub, `${formatBytes(m.memory.used_bytes)} of ${formatBytes(m.memory.total_bytes)}`);
    const hasSwap = m.memory.swap_total_bytes > 0;
    setText(tiles.swap.value, hasSwap ? formatPercent(m.memory.swap_usage_percent) : 'none');
    setMeter(tiles.swap.meter, hasSwap ? m.memory.swap_usage_percent : 0);
    setText(tiles.swap.sub, hasSwap ? `${formatBytes(m.memory.swap_used_bytes)} of ${formatBytes(m.memory.swap_total_bytes)}` : 'no swap configured');
    setText(tiles.load.value, formatLoad(m.load.load1));
    setText(tiles.load.sub, `5m ${formatLoad(m.load.load5)} · 15m ${formatLoad(m.load.load15)}`);
    const rx = sum(m.network_interfaces, (n) => n.bytes_recv_per_sec);
    const tx = sum(m.network_interfaces, (n) => n.bytes_sent_per_sec);
    setText(tiles.net.value, `↓ ${formatBitsPerSecond(rx)}`);
    setText(tiles.net.sub, `↑ ${formatBitsPerSecond(tx)}`);
    const rd = sum(m.disks, (d) => d.read_bytes_per_sec);
    const wr = sum(m.disks, (d) => d.write_bytes_per_sec);
    setText(tiles.disk.value, `R ${formatBytesPerSecond(rd)}`);
    setText(tiles.disk.sub, `W ${formatBytesPerSecond(wr)}`);
    setText(tiles.procs.value, formatCount(m.processes.total_processes));
    setText(tiles.procs.sub, `${formatCount(m.processes.running_processes)} running · ${formatCount(m.processes.zombie_processes)} zombie`);
    const up = system?.software?.uptime_seconds;
    // Uptime comes with system info; it grows with the clock since that report.
    const upNow = up ? up + Math.max(0, (m.timestamp || 0) - (system.timestamp || 0)) : null;
    setText(tiles.uptime.value, upNow ? formatUptime(upNow) : '–');
    setText(tiles.uptime.sub, system?.software?.os?.kernel_version ? `kernel ${system.software.os.kernel_version}` : '');
  }

  let diskKey = '';
  const diskMeters = new Map();
  function renderDiskUsage(m) {
    const disks = m.disks ?? [];
    const key = disks.map((d) => `${d.device}|${d.mount_point}`).join(',');
    if (key !== diskKey) {
      diskKey = key;
      diskMeters.clear();
      if (!disks.length) {
        diskUsage.replaceChildren(h('p', { class: 'empty' }, 'No disks reported.'));
        return;
      }
      const rows = disks.map((d) => {
        const mt = meter(`Usage of ${d.mount_point || d.device}`);
        const used = h('span', {});
        const pct = h('span', {});
        const io = h('span', {});
        diskMeters.set(`${d.device}|${d.mount_point}`, { mt, used, pct, io });
        return [d.mount_point || '–', d.device || '–', h('span', { class: 'meter-cell' }, mt, pct), used, io];
      });
      diskUsage.replaceChildren(table('Disk usage', ['Mount', 'Device', 'Used', 'Used / total', 'Read / write'], rows, { numeric: [3, 4] }));
    }
    for (const d of disks) {
      const refs = diskMeters.get(`${d.device}|${d.mount_point}`);
      setMeter(refs.mt, d.usage_percent);
      setText(refs.pct, formatPercent(d.usage_percent));
      setText(refs.used, `${formatBytes(d.used_bytes)} / ${formatBytes(d.total_bytes)}`);
      setText(refs.io, `${formatBytesPerSecond(d.read_bytes_per_sec)} / ${formatBytesPerSecond(d.write_bytes_per_sec)}`);
    }
  }

  function renderProcesses(m) {
    const p = m.processes;
    procCounts.replaceChildren(...[
      ['Total', p.total_processes], ['Running', p.running_processes],
      ['Sleeping', p.sleeping_processes], ['Zombie', p.zombie_processes],
    ].map(([k, v]) => h('div', { class: 'fact' }, h('span', { class: 'tile-label' }, k), h('span', { class: 'tile-value' }, formatCount(v)))));
    const tracked = p.task_processes ?? [];
    procTable.replaceChildren(tracked.length
      ? table('Tracked processes', ['Name', 'PID', 'CPU', 'Memory', 'Virtual', 'Threads', 'Read', 'Written'],
        tracked.map((t) => [t.task_id, String(t.pid), formatPercent(t.cpu_percent), formatBytes(t.memory_bytes),
          formatBytes(t.virtual_memory_bytes), formatCount(t.threads), formatBytes(t.read_bytes), formatBytes(t.write_bytes)]),
        { numeric: [1, 2, 3, 4, 5, 6, 7] })
      : h('p', { class: 'empty' }, 'No tracked processes. Configure process rules on the agent to follow services here.'));
  }

  // ---- page lifecycle: never keep a stream open for a page nobody sees ----
  function onPageHide() {
    closeStream();
  }
  function onPageShow(e) {
    if (e.persisted && !stopped && summary) openStream();
  }
  function onVisibility() {
    if (document.hidden) {
      hiddenTimer = setTimeout(() => { closeStream(); setStreamState('paused'); }, HIDDEN_GRACE_MS);
    } else {
      clearTimeout(hiddenTimer);
      if (!source && !stopped && summary) openStream();
    }
  }
  window.addEventListener('pagehide', onPageHide);
  window.addEventListener('pageshow', onPageShow);
  document.addEventListener('visibilitychange', onVisibility);
  const clock = setInterval(schedule, 1000);

  pollSummary();

  return {
    showTab,
    unmount() {
      stopped = true;
      closeStream();
      clearTimeout(summaryTimer);
      clearTimeout(hiddenTimer);
      clearInterval(clock);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('pageshow', onPageShow);
      document.removeEventListener('visibilitychange', onVisibility);
      liveCharts.forEach((c) => c.destroy());
      historyView.destroy();
    },
  };
}
