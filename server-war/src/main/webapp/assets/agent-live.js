// The Live tab: charts of the rolling store fed over SSE, and the disk usage table.
import { h } from './dom.js';
import { TimeChart } from './charts.js';
import { LIVE_CHARTS, liveXRange } from './live-charts.js';
import { createDiskUsage } from './disk-usage.js';

/** Fills the Live tab's `panel`: {render(rolling, latest, interval, chartsDirty), destroy()}. */
export function mountLive(panel) {
  const charts = LIVE_CHARTS.map((def) => ({
    def,
    chart: new TimeChart({ title: def.title, id: def.id, format: def.format, range: def.range }),
  }));
  const disks = createDiskUsage();
  const waiting = h('p', { class: 'empty', id: 'live-waiting' }, 'Waiting for the first metrics…');
  panel.append(
    waiting,
    h('div', { class: 'chart-grid' }, charts.map((c) => c.chart.el)),
    h('h2', {}, 'Disk usage'), disks.el);

  function drawCharts(rolling, interval) {
    const xRange = liveXRange(rolling.xs, interval);
    for (const { def, chart } of charts) {
      const series = def.series(rolling);
      chart.setSeries(series);
      chart.xRange = xRange;
      chart.setData(rolling.xs, series.map((s) => rolling.column(s.key)));
    }
  }

  return {
    /** Draws what changed: the disk table from the latest snapshot, the charts when dirty. */
    render(rolling, latest, interval, chartsDirty) {
      if (latest) {
        waiting.hidden = true;
        disks.render(latest.disks ?? []);
      }
      if (chartsDirty) drawCharts(rolling, interval);
    },
    destroy() {
      charts.forEach((c) => c.chart.destroy());
    },
  };
}
