// Agents overview. Data: polls GET /metrics/agents every few seconds, and for each agent card in
// view whose `last_update` moved, GET /agents/{id}/metrics (latest snapshot) — no SSE here, so
// the overview never makes an agent stream, and 50 agents cost one small request each only
// when they have something new. With continuous collection on the server every online agent has
// fresh data without anyone opening it, so the cards stay live. Sparklines start from /history (last 15 min) and grow from
// the polled snapshots. DOM work is batched into one animation frame per poll.
import * as api from './api.js';
import { timed } from './stats.js';
import { h, setText, setAttr, meter, setMeter, frameBatcher, showBadge } from './dom.js';
import { formatPercent, formatBytes, formatAgo, formatUptime } from './format.js';
import { TimeChart } from './charts.js';
import { Rolling } from './series.js';
import { alertBadge, duplicateBadge, streamBadge } from './overview-badge.js';

const POLL_MS = 5000;
const SPARK_POINTS = 120;
const SPARK_HISTORY_SECONDS = 15 * 60;
const FETCH_CONCURRENCY = 4;

const byId = (a, b) => a.id.localeCompare(b.id, 'en', { numeric: true });

const SORTS = {
  status: (a, b) => statusRank(a) - statusRank(b) || byId(a, b),
  name: byId,
  cpu: (a, b) => (b.metrics?.cpu?.usage_percent ?? -1) - (a.metrics?.cpu?.usage_percent ?? -1),
  memory: (a, b) => (b.metrics?.memory?.usage_percent ?? -1) - (a.metrics?.memory?.usage_percent ?? -1),
};

function statusRank(card) {
  return card.summary?.status === 'online' ? 0 : 1;
}

/** Shows the overview in `main`; returns a handle whose unmount() stops all polling. */
export function mountOverview(main, { setConn, setCrumbs }) {
  let stopped = false;
  let timer = null;
  let nextId = 0;
  const cards = new Map();
  const fetchQueue = [];
  let inFlight = 0;
  let sortKey = localStorage.getItem('nl.sort') || 'status';
  let filter = '';

  setCrumbs([]);
  document.title = 'Agents · NodeLink Metrics';

  const counts = h('p', { class: 'counts', id: 'agent-counts', 'aria-live': 'polite' });
  const filterInput = h('input', {
    type: 'search', id: 'agent-filter', placeholder: 'Filter agents',
    'aria-label': 'Filter agents by id, host name or OS', autocomplete: 'off',
    oninput: () => { filter = filterInput.value.trim().toLowerCase(); schedule(); },
  });
  const sortSelect = h('select', {
    id: 'agent-sort', 'aria-label': 'Sort agents',
    onchange: () => { sortKey = sortSelect.value; localStorage.setItem('nl.sort', sortKey); schedule(); },
  },
  h('option', { value: 'status' }, 'Online first'),
  h('option', { value: 'name' }, 'Name'),
  h('option', { value: 'cpu' }, 'CPU, highest first'),
  h('option', { value: 'memory' }, 'Memory, highest first'));
  sortSelect.value = sortKey in SORTS ? sortKey : 'status';
  const grid = h('div', { class: 'agent-grid', id: 'agent-grid' });
  const empty = h('div', { class: 'empty', hidden: true },
    h('p', {}, 'No agents have connected yet.'),
    h('p', {}, 'Start one with ',
      h('code', {}, 'java -jar nodelink-agent.jar --server HOST:9090 --agent-id ID --agent-token TOKEN')));

  main.replaceChildren(
    h('section', { class: 'overview', 'aria-labelledby': 'overview-title' },
      h('div', { class: 'toolbar' },
        h('h1', { id: 'overview-title' }, 'Agents'),
        counts,
        h('div', { class: 'tools' }, filterInput, sortSelect)),
      empty,
      grid));

  const visibility = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      const card = cards.get(entry.target.dataset.agentId);
      if (!card) continue;
      card.visible = entry.isIntersecting;
      if (card.visible) want(card);
    }
  }, { rootMargin: '200px' });

  const schedule = frameBatcher(timed(render));

  async function poll() {
    timer = null;
    if (stopped) return;
    try {
      const agents = await api.listAgents();
      if (stopped) return;
      merge(agents);
      setConn('ok', 'Connected');
    } catch (e) {
      if (stopped) return;
      setConn('error', e.status ? `Server error: ${e.message}` : 'Server unreachable, retrying…');
    }
    schedule();
    timer = setTimeout(poll, POLL_MS);
  }

  function merge(agents) {
    for (const [id, summary] of Object.entries(agents)) {
      let card = cards.get(id);
      if (!card) {
        card = createCard(id, nextId++);
        cards.set(id, card);
        visibility.observe(card.el);
      }
      card.summary = summary;
      if (card.visible) want(card);
    }
    for (const [id, card] of cards) {
      if (!(id in agents)) {
        visibility.unobserve(card.el);
        card.spark.destroy();
        card.el.remove();
        cards.delete(id);
      }
    }
  }

  /** Queues the fetches a visible card needs: new metrics, system info once, history once. */
  function want(card) {
    const s = card.summary;
    if (!s) return;
    if (s.has_metrics && s.last_update !== card.fetchedUpdate && !card.metricsQueued) {
      card.metricsQueued = true;
      const update = s.last_update;
      enqueue(() => api.latestMetrics(card.id).then((m) => {
        card.fetchedUpdate = update;
        card.metrics = m;
        if (m?.timestamp) {
          card.rolling.push(m.timestamp, new Map([
            ['cpu', m.cpu?.usage_percent], ['mem', m.memory?.usage_percent]]));
          card.sparkDirty = true;
        }
      }), () => { card.metricsQueued = false; });
    }
    if (s.has_system_info && !card.system && !card.systemQueued) {
      card.systemQueued = true;
      enqueue(() => api.systemInfo(card.id).then((info) => { card.system = info; }));
    }
    if (s.has_metrics && !card.historyLoaded && !card.historyQueued) {
      card.historyQueued = true;
      const end = Math.floor(Date.now() / 1000);
      enqueue(() => api.history(card.id, {
        metrics: ['cpu.usage_percent', 'memory.usage_percent'],
        start: end - SPARK_HISTORY_SECONDS, end, maxPoints: SPARK_POINTS,
      }).then((hist) => {
        card.historyLoaded = true;
        const points = hist?.data_points ?? [];
        // History first, then whatever snapshots arrived meanwhile (Rolling ignores older x).
        const kept = card.rolling.xs.length ? snapshotPoints(card) : [];
        card.rolling.clear();
        for (const p of points) {
          card.rolling.push(p.timestamp, new Map([
            ['cpu', p.values['cpu.usage_percent']], ['mem', p.values['memory.usage_percent']]]));
        }
        for (const [x, m] of kept) card.rolling.push(x, m);
        card.sparkDirty = true;
      }));
    }
  }

  function snapshotPoints(card) {
    const { xs } = card.rolling;
    const cpu = card.rolling.column('cpu');
    const mem = card.rolling.column('mem');
    return xs.map((x, i) => [x, new Map([['cpu', cpu[i]], ['mem', mem[i]]])]);
  }

  function enqueue(task, always = () => {}) {
    fetchQueue.push([task, always]);
    drain();
  }

  function drain() {
    while (!stopped && inFlight < FETCH_CONCURRENCY && fetchQueue.length) {
      const [task, always] = fetchQueue.shift();
      inFlight++;
      task()
        .catch(() => { /* shown as missing data; the next poll asks again */ })
        .finally(() => {
          inFlight--;
          always();
          schedule();
          drain();
        });
    }
  }

  function createCard(id, n) {
    const nameId = `agent-${n}-name`;
    const cpuMeter = meter(`CPU usage of ${id}`);
    const memMeter = meter(`Memory usage of ${id}`);
    const spark = new TimeChart({
      title: `CPU and memory of ${id}, last 15 minutes`, id: `agent-${n}-spark`,
      format: formatPercent, range: [0, 100], height: 44, sparkline: true,
    });
    spark.setSeries([{ key: 'cpu', label: 'CPU' }, { key: 'mem', label: 'Memory' }]);
    const refs = {
      status: h('span', { class: 'badge status' }),
      dup: h('span', { class: 'badge dup', hidden: true }),
      alerts: h('span', { class: 'badge alerts-firing', hidden: true }),
      host: h('p', { class: 'host' }),
      cpu: h('span', { class: 'value' }),
      mem: h('span', { class: 'value' }),
      memDetail: h('span', { class: 'detail' }),
      seen: h('span', { class: 'seen' }),
      stream: h('span', { class: 'badge stream' }),
    };
    const el = h('article', { class: 'agent-card', 'aria-labelledby': nameId, dataset: { agentId: id } },
      h('header', {},
        h('span', { class: 'dot', 'aria-hidden': 'true' }),
        h('h2', { id: nameId }, h('a', { href: `#/agents/${encodeURIComponent(id)}` }, id)),
        refs.status, refs.dup, refs.alerts),
      refs.host,
      h('div', { class: 'metric' }, h('span', { class: 'label' }, 'CPU'), cpuMeter, refs.cpu),
      h('div', { class: 'metric' }, h('span', { class: 'label' }, 'Mem'), memMeter, refs.mem),
      h('p', { class: 'mem-detail' }, refs.memDetail),
      h('div', { class: 'spark-wrap' },
        spark.el,
        h('span', { class: 'legend', 'aria-hidden': 'true' },
          h('i', { class: 'key c1' }), 'CPU ', h('i', { class: 'key c2' }), 'Memory')),
      h('footer', {}, refs.seen, refs.stream));
    return {
      id, el, refs, cpuMeter, memMeter, spark, rolling: new Rolling(SPARK_POINTS),
      summary: null, metrics: null, system: null, visible: false, sparkDirty: false,
    };
  }

  function matches(card) {
    if (!filter) return true;
    const sw = card.system?.software;
    return [card.id, sw?.hostname, sw?.os?.name, sw?.os?.distribution]
      .some((v) => v && v.toLowerCase().includes(filter));
  }

  function render() {
    if (stopped) return;
    const now = Date.now();
    let online = 0;
    let streaming = 0;
    for (const card of cards.values()) {
      if (card.summary?.status === 'online') online++;
      if (card.summary?.streaming_active) streaming++;
      renderCard(card, now);
    }
    const ordered = [...cards.values()].sort(SORTS[sortKey] ?? SORTS.status);
    let shown = 0;
    ordered.forEach((card) => {
      const show = matches(card);
      if (card.el.hidden === show) card.el.hidden = !show;
      if (show) shown++;
    });
    // Reorder only when the order changed: moving nodes would restart layout and focus.
    const current = [...grid.children];
    if (current.length !== ordered.length || ordered.some((c, i) => current[i] !== c.el)) {
      grid.replaceChildren(...ordered.map((c) => c.el));
    }
    const total = cards.size;
    setText(counts, `${total} agent${total === 1 ? '' : 's'} · ${online} online · ${total - online} offline · ${streaming} streaming`
      + (filter ? ` · ${shown} shown` : ''));
    empty.hidden = total > 0;
  }

  function renderCard(card, now) {
    const s = card.summary;
    if (!s) return;
    const online = s.status === 'online';
    setAttr(card.el, 'data-status', online ? 'online' : 'offline');
    setText(card.refs.status, online ? 'Online' : 'Offline');
    const sw = card.system?.software;
    const os = sw?.os;
    const osText = [os?.distribution || os?.name, os?.version].filter(Boolean).join(' ');
    const hostBits = [sw?.hostname, osText, sw ? `up ${formatUptime(sw.uptime_seconds)}` : null].filter(Boolean);
    setText(card.refs.host, hostBits.length ? hostBits.join(' · ') : (s.has_system_info ? 'Loading system info…' : 'No system info yet'));

    const m = card.metrics;
    const cpu = m?.cpu?.usage_percent;
    const mem = m?.memory?.usage_percent;
    setMeter(card.cpuMeter, cpu, m ? formatPercent(cpu) : 'no data');
    setMeter(card.memMeter, mem, m ? formatPercent(mem) : 'no data');
    setText(card.refs.cpu, m ? formatPercent(cpu) : '–');
    setText(card.refs.mem, m ? formatPercent(mem) : '–');
    setText(card.refs.memDetail, m ? `${formatBytes(m.memory.used_bytes)} of ${formatBytes(m.memory.total_bytes)}` : (s.has_metrics ? '' : 'No metrics yet'));

    const seen = Date.parse(s.last_seen);
    const dataAge = m?.timestamp ? formatAgo(m.timestamp * 1000, now) : null;
    setText(card.refs.seen, online
      ? `Seen ${formatAgo(seen, now)}${dataAge ? ` · data ${dataAge}` : ''}`
      : `Offline · last seen ${formatAgo(seen, now)}`);
    setAttr(card.refs.seen, 'title', s.last_seen || null);
    showBadge(card.refs.dup, duplicateBadge(s));
    showBadge(card.refs.alerts, alertBadge(s));
    const badge = streamBadge(s);
    setText(card.refs.stream, badge.text);
    setAttr(card.refs.stream, 'data-on', badge.on ? 'true' : 'false');
    setAttr(card.refs.stream, 'title', badge.title);
    if (card.sparkDirty) {
      card.sparkDirty = false;
      card.spark.setData(card.rolling.xs, [card.rolling.column('cpu'), card.rolling.column('mem')]);
    }
  }

  function onVisibility() {
    if (document.hidden) {
      clearTimeout(timer);
      timer = null;
    } else if (!timer && !stopped) {
      poll();
    }
  }
  document.addEventListener('visibilitychange', onVisibility);
  // Refresh the "seen 5s ago" texts between polls too.
  const clock = setInterval(schedule, 1000);

  poll();

  return {
    unmount() {
      stopped = true;
      clearTimeout(timer);
      clearInterval(clock);
      document.removeEventListener('visibilitychange', onVisibility);
      visibility.disconnect();
      for (const card of cards.values()) card.spark.destroy();
      cards.clear();
    },
  };
}
