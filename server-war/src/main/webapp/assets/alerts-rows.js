// Table rows of the Alerts page, pure: from the API's JSON to cell texts and nodes.
import { h } from './dom.js';

const when = (rfc3339) => (rfc3339 ? new Date(rfc3339).toLocaleString() : '–');
const number = (v) => (v === null || v === undefined ? '–' : String(Math.round(v * 10) / 10));
const agentLink = (id) => h('a', { href: `#/agents/${encodeURIComponent(id)}` }, id);

export function alertRows(alerts) {
  return alerts.map((a) => [
    a.rule, agentLink(a.agent_id), a.instance || '–',
    h('span', { class: `badge alert-state ${a.state}` }, a.silenced ? `${a.state} (silenced)` : a.state),
    a.severity, number(a.value), when(a.firing_since || a.active_since), a.summary,
  ]);
}

export function historyRows(events) {
  return events.map((e) => [
    when(e.at), e.rule, agentLink(e.agent_id), e.instance || '–', e.from, e.to, number(e.value),
  ]);
}

export function silenceRows(silences) {
  return silences.map((s) => [
    Object.entries(s.matchers).map(([k, v]) => `${k}=${v}`).join(', '),
    when(s.until), s.created_by || '–', s.comment || '–',
  ]);
}

export function ruleRows(rules) {
  return rules.map((r) => [r.name, ruleCondition(r), `${r.for_seconds} s`, r.severity, r.agents.join(', '), r.source]);
}

export function ruleCondition(r) {
  if (r.type === 'no_data') return 'no data';
  if (r.type === 'predict_full') return `${r.metric} full within ${r.threshold} s`;
  const clear = r.clear_threshold === null || r.clear_threshold === undefined ? '' : ` (clears ${r.clear_threshold})`;
  const window = r.over_seconds > 0 && r.agg !== 'last' ? ` over ${r.over_seconds} s` : '';
  return `${r.agg}(${r.metric})${window} ${r.op} ${r.threshold}${clear}`;
}
