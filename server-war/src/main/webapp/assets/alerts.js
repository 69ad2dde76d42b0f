// Alerts page (#/alerts): active alerts, the alert log, silences and the rules in force (read-only),
// polled every few seconds (docs/alerts.md).
import { h, table, setText } from './dom.js';
import { activeAlerts, alertHistory, alertSilences, alertRules } from './api.js';
import { alertRows, historyRows, silenceRows, ruleRows } from './alerts-rows.js';

const POLL_MS = 5000;
const HISTORY_LIMIT = 50;

/** Mounts the page into `main`; returns {unmount}. */
export function mountAlerts(main, context) {
  context.setCrumbs([['#/', 'Agents'], [null, 'Alerts']]);
  const status = h('p', { class: 'counts', id: 'alert-counts', 'aria-live': 'polite' });
  const sections = {
    active: section('alerts-active', 'Active alerts'),
    history: section('alerts-history', 'Recent transitions'),
    silences: section('alerts-silences', 'Silences'),
    rules: section('alerts-rules', 'Rules'),
  };
  main.replaceChildren(
    h('section', { class: 'alerts', 'aria-labelledby': 'alerts-title' },
      h('div', { class: 'toolbar' }, h('h1', { id: 'alerts-title' }, 'Alerts'), status),
      ...Object.values(sections).map((s) => s.el)));

  let timer = null;
  let stopped = false;

  async function poll() {
    try {
      const [alerts, events, silences, rules] = await Promise.all([
        activeAlerts(), alertHistory(HISTORY_LIMIT), alertSilences(), alertRules()]);
      if (stopped) return;
      const firing = alerts.filter((a) => a.state === 'firing').length;
      setText(status, `${firing} firing · ${alerts.length - firing} pending · ${silences.length} silence${silences.length === 1 ? '' : 's'} · ${rules.length} rules`);
      fill(sections.active, 'Active alerts', ['Rule', 'Agent', 'Instance', 'State', 'Severity', 'Value', 'Since', 'Summary'], alertRows(alerts), 'No alert is pending or firing.');
      fill(sections.history, 'Recent transitions', ['Time', 'Rule', 'Agent', 'Instance', 'From', 'To', 'Value'], historyRows(events), 'No transitions yet.');
      fill(sections.silences, 'Silences', ['Matchers', 'Until', 'By', 'Comment'], silenceRows(silences), 'No silence in force.');
      fill(sections.rules, 'Rules', ['Name', 'Condition', 'For', 'Severity', 'Agents', 'Source'], ruleRows(rules), 'No rules.');
      context.setConn('ok', 'Connected');
    } catch (e) {
      if (!stopped) context.setConn('error', `Alerts unavailable: ${e.message}`);
    }
    if (!stopped) timer = setTimeout(poll, POLL_MS);
  }
  poll();

  return {
    unmount() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

function section(id, title) {
  const body = h('div', {});
  const el = h('section', { class: 'card', 'aria-labelledby': id, id: `${id}-section` },
    h('h2', { id }, title), body);
  return { el, body };
}

function fill(section, caption, headers, rows, emptyText) {
  section.body.replaceChildren(rows.length
    ? table(`${caption}, table`, headers, rows)
    : h('p', { class: 'muted' }, emptyText));
}
