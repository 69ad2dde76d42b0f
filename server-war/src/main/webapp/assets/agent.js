// Agent page: header, tiles and tabs (Live, History, System, Processes) for one agent. This
// module holds the page's state and wires the parts together; each part lives in its own module.
import * as api from './api.js';
import { timed } from './stats.js';
import { h, setAttr, frameBatcher } from './dom.js';
import { Rolling, snapshotValues, historyValues } from './series.js';
import { LIVE_POINTS, LIVE_WINDOW_INTERVALS } from './live-charts.js';
import { createHead, storedInterval, streamStateView, statusOf } from './agent-head.js';
import { createTiles } from './agent-tiles.js';
import { createTabs } from './agent-tabs.js';
import { mountLive } from './agent-live.js';
import { mountHistory } from './history.js';
import { mountSystem } from './agent-system.js';
import { mountProcesses } from './agent-processes.js';
import { createStream, closeWhileUnseen } from './agent-stream.js';
import { pollSummary, withConnection } from './agent-summary.js';

const INTERVAL_KEY = 'nl.interval';

/** Shows agent `id` in `main` with tab `tab` selected; returns {showTab, unmount}. */
export function mountAgent(main, { id, tab }, { setConn, setCrumbs }) {
  let stopped = false;
  let interval = storedInterval(localStorage.getItem(INTERVAL_KEY));
  let summary = null;
  let latest = null;
  let liveDirty = false;
  let procsShown = null;
  const rolling = new Rolling(LIVE_POINTS);
  const schedule = frameBatcher(timed(render));

  setCrumbs([['#/', 'Agents'], [null, id]]);
  document.title = `${id} · NodeLink Metrics`;

  const head = createHead(id, interval, changeInterval);
  const tiles = createTiles();
  const tabs = createTabs(id);
  const live = mountLive(tabs.panels.get('live'));
  const historyView = mountHistory(tabs.panels.get('history'), id);
  const system = mountSystem(tabs.panels.get('system'), id, { onChange: schedule, isStopped: () => stopped });
  const processes = mountProcesses(tabs.panels.get('processes'));
  const page = h('section', { class: 'agent-page', 'aria-labelledby': 'agent-title' },
    head.el, tiles.el, tabs.tablist, [...tabs.panels.values()]);
  main.replaceChildren(page);

  const stream = createStream(id, {
    interval: () => interval,
    onState: showStreamState,
    onSnapshot,
    onStatus: (s) => { summary = withConnection(summary, s.connected); schedule(); },
    mayReopen: () => !stopped,
  });
  const stopWatching = closeWhileUnseen(stream, { onPause: () => showStreamState('paused'), reopen: reopenStream });
  const stopPolling = pollSummary(id, { onSummary, onError: () => setConn('error', 'Server unreachable, retrying…') });
  const clock = setInterval(schedule, 1000);

  showTab(tab);
  head.title.focus({ preventScroll: true });

  function showTab(key) {
    if (!tabs.select(key)) return;
    if (tabs.current === 'history') historyView.show(); else historyView.hide();
    procsShown = null;
    liveDirty = true;
    schedule();
  }

  function changeInterval(seconds) {
    interval = seconds;
    localStorage.setItem(INTERVAL_KEY, String(interval));
    openStream();
  }

  function openStream() {
    if (stopped) stream.close(); else stream.open();
  }

  function reopenStream() {
    if (!stopped && summary) openStream();
  }

  function showStreamState(state) {
    const view = streamStateView(state, interval);
    head.showStream(view);
    setAttr(page, 'data-stream', state);
    setConn(view.conn, view.connText);
  }

  function onSnapshot(m) {
    latest = m;
    if (m.timestamp && rolling.push(m.timestamp, snapshotValues(m))) liveDirty = true;
    schedule();
  }

  /** A polled summary: the first one starts the page, a missing one means an unknown agent. */
  function onSummary(next) {
    const first = summary === null;
    summary = next;
    if (!summary) {
      showUnknown();
      return false;
    }
    if (first) start();
    if (summary.has_system_info && !system.info) system.load();
    schedule();
    return true;
  }

  function start() {
    openStream();
    if (summary.has_metrics) prefill();
    if (!summary.has_system_info) system.showNotYet();
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
    stream.close();
    setConn('idle', '');
    main.replaceChildren(h('section', { class: 'empty-page' },
      h('h1', { tabindex: -1 }, 'Unknown agent'),
      h('p', {}, `No agent with id “${id}” is known to this server.`),
      h('p', {}, h('a', { href: '#/' }, 'Back to all agents'))));
  }

  // ---- rendering, once per animation frame ----
  function render() {
    if (stopped) return;
    head.render(summary, system.info, latest, Date.now());
    setAttr(page, 'data-status', statusOf(summary));
    if (latest) tiles.render(latest, system.info);
    if (tabs.current === 'live') {
      live.render(rolling, latest, interval, liveDirty);
      liveDirty = false;
    }
    if (tabs.current === 'processes' && latest && procsShown !== latest) {
      procsShown = latest;
      processes.render(latest);
    }
  }

  return {
    showTab,
    unmount() {
      stopped = true;
      stream.close();
      stopPolling();
      stopWatching();
      clearInterval(clock);
      live.destroy();
      historyView.destroy();
    },
  };
}
