// Agent page header: the id with status and stream badges, host and last-seen lines, and the
// live interval picker.
import { h, setText, setAttr, showBadge } from './dom.js';
import { duplicateBadge } from './overview-badge.js';
import { formatBytes, formatAgo } from './format.js';

export const INTERVALS = [1, 2, 5, 10, 30, 60];
const DEFAULT_INTERVAL = 5;
const STREAM_TEXT = {
  connecting: 'Connecting…', live: 'Live', retrying: 'Reconnecting…', closed: 'Stream closed', paused: 'Paused',
};

/** The live interval from a stored preference: one of INTERVALS, else 5 s. */
export function storedInterval(value) {
  const seconds = Number(value);
  return INTERVALS.includes(seconds) ? seconds : DEFAULT_INTERVAL;
}

/** How a stream state shows: badge text, whether it's live, and the top bar's state and text. */
export function streamStateView(state, interval) {
  const text = STREAM_TEXT[state];
  const live = state === 'live';
  const conn = live ? 'ok' : state === 'connecting' || state === 'paused' ? 'idle' : 'error';
  return { text, live, conn, connText: live ? `Live, every ${interval} s` : text };
}

/** 'online' or 'offline' from an AgentSummary; null before the first one. */
export const statusOf = (summary) => (summary ? (summary.status === 'online' ? 'online' : 'offline') : null);

/** The host line: hostname, OS, CPU model and RAM from SystemInfo, whichever are known. */
export function hostText(system) {
  const sw = system?.software;
  const os = sw?.os;
  const hw = system?.hardware;
  return [
    sw?.hostname,
    [os?.distribution || os?.name, os?.version].filter(Boolean).join(' '),
    hw?.cpu?.model,
    hw?.memory?.total_bytes ? `${formatBytes(hw.memory.total_bytes)} RAM` : null,
  ].filter(Boolean).join(' · ');
}

/** When the agent was last heard from (summary or stream, whichever is newer) and last sent data. */
export function seenText(summary, latest, now) {
  if (!summary) return '';
  const seen = Math.max(Date.parse(summary.last_seen) || 0, (latest?.timestamp ?? 0) * 1000);
  const data = latest?.timestamp ? formatAgo(latest.timestamp * 1000, now) : 'none yet';
  return `Last seen ${formatAgo(seen, now)} · last data ${data}`;
}

/** Builds the header; onInterval(seconds) is called when another interval is picked. */
export function createHead(id, interval, onInterval) {
  const title = h('h1', { id: 'agent-title', tabindex: -1 }, id);
  const status = h('span', { class: 'badge status', id: 'agent-status' }, '…');
  const stream = h('span', { class: 'badge stream', id: 'agent-stream' }, 'Connecting…');
  const dup = h('span', { class: 'badge dup', id: 'agent-duplicate', hidden: true });
  const host = h('p', { class: 'host', id: 'agent-host' }, '');
  const seen = h('p', { class: 'seen', id: 'agent-seen' }, '');
  const picker = h('select', {
    id: 'interval', 'aria-label': 'Live update interval',
    onchange: () => onInterval(Number(picker.value)),
  }, INTERVALS.map((s) => h('option', { value: s }, `Every ${s} s`)));
  picker.value = String(interval);

  const el = h('div', { class: 'agent-head' },
    h('div', { class: 'agent-id' }, title, status, dup, stream),
    h('div', { class: 'agent-meta' }, host, seen),
    h('div', { class: 'tools' }, picker));

  return {
    el,
    title,
    render(summary, system, latest, now) {
      const online = statusOf(summary);
      setText(status, online ? (online === 'online' ? 'Online' : 'Offline') : '…');
      showBadge(dup, duplicateBadge(summary));
      setText(host, hostText(system));
      setText(seen, seenText(summary, latest, now));
    },
    showStream(view) {
      setText(stream, view.text);
      setAttr(stream, 'data-on', view.live ? 'true' : 'false');
    },
  };
}
