// Self-measurement of the page's own work, read by the scale test and handy in devtools:
// window.nlStats.snapshot() → render count, mean/max render time, long tasks (> 50 ms).

const stats = { renders: 0, totalRenderMs: 0, maxRenderMs: 0, longTasks: 0, longestTaskMs: 0 };

try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      stats.longTasks++;
      stats.longestTaskMs = Math.max(stats.longestTaskMs, entry.duration);
    }
  }).observe({ type: 'longtask' });
} catch {
  // Browsers without the Long Tasks API simply report 0.
}

window.nlStats = {
  reset() {
    Object.keys(stats).forEach((k) => { stats[k] = 0; });
  },
  snapshot() {
    const round = (v) => Math.round(v * 100) / 100;
    return {
      renders: stats.renders,
      meanRenderMs: stats.renders ? round(stats.totalRenderMs / stats.renders) : 0,
      maxRenderMs: round(stats.maxRenderMs),
      longTasks: stats.longTasks,
      longestTaskMs: round(stats.longestTaskMs),
    };
  },
};

/** Wraps a render function so its duration is counted. */
export function timed(fn) {
  return () => {
    const t0 = performance.now();
    fn();
    const ms = performance.now() - t0;
    stats.renders++;
    stats.totalRenderMs += ms;
    stats.maxRenderMs = Math.max(stats.maxRenderMs, ms);
  };
}
