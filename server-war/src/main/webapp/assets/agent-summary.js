// The agent's AgentSummary, polled from GET /metrics/agents while its page is open.
import * as api from './api.js';

const SUMMARY_POLL_MS = 10000;

/**
 * A summary updated by an SSE `status` event (the agent connected or went away), or the same
 * summary when there is none yet.
 */
export function withConnection(summary, connected) {
  if (!summary) return summary;
  return { ...summary, connected, status: connected ? 'online' : 'offline' };
}

/**
 * Polls agent `id`'s summary every 10 s: onSummary(summary or null) returns false to stop polling
 * (the agent is unknown); onError() hears a failed request, polling goes on. Returns stop().
 */
export function pollSummary(id, { onSummary, onError }) {
  let timer = null;
  let stopped = false;

  async function poll() {
    timer = null;
    if (stopped) return;
    try {
      const agents = await api.listAgents();
      if (stopped) return;
      if (onSummary(agents[id] ?? null) === false) return;
    } catch {
      onError();
    }
    timer = setTimeout(poll, SUMMARY_POLL_MS);
  }

  poll();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
