// The System tab: the agent's SystemInfo, loaded once it is known to exist, and a button that
// asks the agent for a fresh report and waits for it.
import * as api from './api.js';
import { h, setText } from './dom.js';
import { renderSystem } from './system.js';

const REFRESH_POLLS = 15;
const REFRESH_POLL_MS = 1000;
const REFRESH_LABEL = 'Refresh from agent';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Fills the System tab's `panel` for agent `id`: {info, load(), showNotYet()}. onChange() is
 * called when new information is shown; isStopped() tells that the page is gone.
 */
export function mountSystem(panel, id, { onChange, isStopped }) {
  let info = null;
  const body = h('div', { id: 'system-info' }, h('p', { class: 'empty' }, 'Loading system information…'));
  const refresh = h('button', { type: 'button', class: 'button', id: 'system-refresh', onclick: refreshFromAgent }, REFRESH_LABEL);
  panel.append(h('div', { class: 'panel-tools' }, refresh), body);

  function show(next) {
    info = next;
    renderSystem(body, info);
  }

  async function load() {
    try {
      info = await api.systemInfo(id);
      if (!isStopped()) {
        renderSystem(body, info);
        onChange();
      }
    } catch (e) {
      body.replaceChildren(h('p', { class: 'empty' }, `No system information: ${e.message}`));
    }
  }

  /** Polls for a report newer than the one shown, for up to 15 s. */
  async function awaitNewReport(before) {
    for (let i = 0; i < REFRESH_POLLS && !isStopped(); i++) {
      await sleep(REFRESH_POLL_MS);
      const next = await api.systemInfo(id).catch(() => null);
      if (next && next.timestamp !== before) {
        show(next);
        return;
      }
    }
  }

  async function refreshFromAgent() {
    refresh.disabled = true;
    setText(refresh, 'Asking the agent…');
    try {
      await api.refreshSystemInfo(id);
      await awaitNewReport(info?.timestamp ?? 0);
    } catch (e) {
      body.prepend(h('p', { class: 'error', role: 'alert' }, `Refresh failed: ${e.message}`));
    } finally {
      refresh.disabled = false;
      setText(refresh, REFRESH_LABEL);
      onChange();
    }
  }

  return {
    get info() { return info; },
    load,
    showNotYet() {
      body.replaceChildren(h('p', { class: 'empty' }, 'The agent has not reported system information yet.'));
    },
  };
}
