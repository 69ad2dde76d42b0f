// The badges of an overview card (and the agent page), from the agent's summary alone. With
// continuous collection (nodelink.collection.interval) an agent nobody watches still sends data at the
// baseline, so "Idle" is kept for agents that truly send nothing.

/** Badge text, whether it shows as live, and its tooltip for one AgentSummary. */
export function streamBadge(summary) {
  const every = (seconds) => (seconds === 1 ? 'every second' : `every ${seconds} s`);
  if (summary?.streaming_active) {
    const interval = summary.streaming_interval_seconds;
    return {
      text: 'Streaming',
      on: true,
      title: `Someone is watching: the agent sends metrics ${interval ? every(interval) : 'every interval'}`,
    };
  }
  const collecting = summary?.status === 'online' ? summary.collection_interval_seconds ?? 0 : 0;
  if (collecting > 0) {
    return {
      text: 'Collecting',
      on: true,
      title: `Nobody is watching: the agent still sends metrics ${every(collecting)} for history`,
    };
  }
  return { text: 'Idle', on: false, title: 'Nobody is watching: values are the last ones received' };
}

/**
 * The duplicate-id badge of an agent card and page: shown while the server says another host
 * presented the same agent id (AgentSummary's duplicate_id extension), hidden otherwise.
 */
export function duplicateBadge(summary) {
  if (!summary?.duplicate_id) return { show: false, text: '', title: '' };
  return {
    show: true,
    text: 'Duplicate ID',
    title: 'Another host connected with this agent id and was refused; give each host its own agent id',
  };
}

/** The firing badge of an agent card: how many of its alerts fire (AgentSummary's alerts_firing). */
export function alertBadge(summary) {
  const firing = summary?.alerts_firing ?? 0;
  if (firing <= 0) return { show: false, text: '', title: '' };
  return {
    show: true,
    text: `${firing} firing`,
    title: `${firing} alert${firing === 1 ? '' : 's'} of this agent fire${firing === 1 ? 's' : ''}; see Alerts`,
  };
}
