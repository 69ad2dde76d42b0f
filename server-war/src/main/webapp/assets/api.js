// The server's REST API (docs/rest-api.md), with URLs relative to the page so a proxy prefix works.

/** An HTTP error carrying the server's {"error": "..."} message. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

const url = (path) => new URL(path, document.baseURI).toString();
const enc = encodeURIComponent;

async function request(path, options = {}) {
  let response;
  try {
    response = await fetch(url(path), { headers: { Accept: 'application/json' }, ...options });
  } catch (e) {
    throw new ApiError(0, 'server unreachable');
  }
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (response.status === 401) {
    // Signed out (or the session ended): Liberty's form login brings the browser back here.
    location.assign(url('login'));
  }
  if (!response.ok) {
    throw new ApiError(response.status, body?.error || `HTTP ${response.status}`);
  }
  return body;
}

/** GET /metrics/agents → {"<id>": AgentSummary}. */
export async function listAgents() {
  const body = await request('metrics/agents');
  return body?.agents ?? {};
}

/** GET /agents/{id}/metrics → the latest MetricsSnapshot. */
export const latestMetrics = (id) => request(`agents/${enc(id)}/metrics`);

/** GET /agents/{id}/system → SystemInfo. */
export const systemInfo = (id) => request(`agents/${enc(id)}/system`);

/** POST /agents/{id}/system/refresh → {"message","task_id"}. */
export const refreshSystemInfo = (id) =>
  request(`agents/${enc(id)}/system/refresh`, { method: 'POST' });

/** GET /agents/{id}/metrics/history for some series over [start, end] (Unix seconds). */
export function history(id, { metrics, start, end, maxPoints }) {
  const q = new URLSearchParams({
    metrics: metrics.join(','), start: String(start), end: String(end), max_points: String(maxPoints),
  });
  return request(`agents/${enc(id)}/metrics/history?${q}`);
}

/** The SSE URL of an agent's metrics stream. */
export const streamUrl = (id, interval) =>
  url(`agents/${enc(id)}/metrics/stream?interval=${enc(interval)}`);

/** GET /alerts → the pending and firing alerts (docs/alerts.md). */
export const activeAlerts = async () => (await request('alerts'))?.alerts ?? [];

/** GET /alerts/history → the newest transitions. */
export const alertHistory = async (limit) => (await request(`alerts/history?limit=${enc(limit)}`))?.events ?? [];

/** GET /alerts/history for one agent since `since` (Unix seconds), newest first. */
export async function agentAlertEvents(id, since, limit = 200) {
  const q = new URLSearchParams({ agent_id: id, since: String(since), limit: String(limit) });
  return (await request(`alerts/history?${q}`))?.events ?? [];
}

/** GET /alerts/silences → the silences in force. */
export const alertSilences = async () => (await request('alerts/silences'))?.silences ?? [];

/** GET /alerts/rules → every rule in force. */
export const alertRules = async () => (await request('alerts/rules'))?.rules ?? [];
