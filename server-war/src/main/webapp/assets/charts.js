// Canvas charts (uPlot) themed from the page's CSS variables, and a rolling store of live points.
import { uPlot } from './vendor.js';
import { h, setAttr } from './dom.js';
import { formatClock } from './format.js';

const charts = new Set();
const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');
// Colours come from CSS, so a change of scheme re-creates every chart with the new palette.
darkQuery.addEventListener('change', () => charts.forEach((c) => c.rebuild()));

function cssVar(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

/** The chart palette of the current colour scheme. */
export function theme() {
  const series = [];
  for (let i = 1; i <= 10; i++) series.push(cssVar(`--c${i}`) || '#888');
  return {
    fg: cssVar('--muted') || '#666',
    grid: cssVar('--grid') || '#ddd',
    series,
    marker: { firing: cssVar('--crit') || '#b42318', resolved: cssVar('--ok') || '#0b6b3e' },
  };
}

/** Draws each marker as a dashed vertical line across the plot, coloured by its state. */
function drawMarkers(u, markers, colours) {
  if (!markers.length) return;
  const { ctx, bbox } = u;
  const [min, max] = [u.scales.x.min, u.scales.x.max];
  ctx.save();
  ctx.lineWidth = Math.max(1, devicePixelRatio);
  ctx.setLineDash([4 * devicePixelRatio, 3 * devicePixelRatio]);
  for (const m of markers) {
    if (m.time < min || m.time > max) continue;
    const x = Math.round(u.valToPos(m.time, 'x', true));
    ctx.strokeStyle = colours[m.state] ?? colours.firing;
    ctx.beginPath();
    ctx.moveTo(x, bbox.top);
    ctx.lineTo(x, bbox.top + bbox.height);
    ctx.stroke();
  }
  ctx.restore();
}

/**
 * A time chart in a figure: title, uPlot canvas, legend. The chart container carries
 * `data-points` (how many x values it draws) for tests and an aria-label with the latest values.
 * It is created lazily once its container has a width, so charts in hidden tabs cost nothing.
 */
export class TimeChart {
  /**
   * @param {object} o
   * @param {string} o.title heading of the figure
   * @param {string} o.id test/anchor id of the chart container
   * @param {(v:number)=>string} o.format formats a y value (axis, legend, aria)
   * @param {[number,number]|null} o.range fixed y range, or null for 0..max
   * @param {number} o.height canvas height in CSS pixels
   * @param {boolean} o.legend show uPlot's legend
   * @param {boolean} o.sparkline no axes, no cursor: a small trend line
   */
  constructor({ title, id, format, range = null, height = 180, legend = true, sparkline = false }) {
    this.format = format;
    this.range = range;
    this.height = height;
    this.legend = legend;
    this.sparkline = sparkline;
    this.defs = [];
    this.data = [[]];
    /** Optional fixed [start, end] of the time axis (Unix seconds); null = fit the data. */
    this.xRange = null;
    /** Vertical lines at alert transitions: [{time (Unix seconds), state: firing|resolved}]. */
    this.markers = [];
    this.plot = null;
    this.box = h('div', {
      class: sparkline ? 'spark' : 'chart', id, role: 'img', 'aria-label': title,
      dataset: { points: '0', markers: '0' },
    });
    this.el = sparkline
      ? this.box
      : h('figure', { class: 'chart-card' }, h('figcaption', {}, title), this.box);
    this.title = title;
    // Fit on the next frame: resizing inside the observer's callback would loop it.
    this.observer = new ResizeObserver(() => requestAnimationFrame(() => this.fit()));
    this.observer.observe(this.box);
    charts.add(this);
  }

  /** Sets the series: [{key, label, width?, dash?, color?}]. Re-creates the plot if they changed. */
  setSeries(defs) {
    const same = defs.length === this.defs.length
      && defs.every((d, i) => d.key === this.defs[i].key && d.label === this.defs[i].label);
    if (same) return;
    this.defs = defs;
    this.rebuild();
  }

  /** Sets the points: xs (Unix seconds) and one column per series, in setSeries order. */
  setData(xs, columns) {
    this.data = [xs, ...columns];
    setAttr(this.box, 'data-points', xs.length);
    this.describe();
    if (this.plot) {
      this.plot.setData(this.data);
      this.showLatestInLegend();
    }
  }

  /** Sets the alert markers; the chart container's `data-markers` says how many. */
  setMarkers(markers) {
    this.markers = markers;
    setAttr(this.box, 'data-markers', markers.length);
    if (this.plot) this.plot.redraw(false, false);
  }

  /** With no cursor over the chart, the legend shows the newest values instead of dashes. */
  showLatestInLegend() {
    const u = this.plot;
    if (!this.legend || this.sparkline || !u || (u.cursor.left ?? -1) >= 0) return;
    const last = this.data[0].length - 1;
    if (last >= 0) u.setLegend({ idx: last });
  }

  describe() {
    const last = this.data[0].length - 1;
    if (last < 0 || !this.defs.length) {
      setAttr(this.box, 'aria-label', `${this.title}: no data yet`);
      return;
    }
    const shown = this.defs.slice(0, 4)
      .map((d, i) => `${d.label} ${this.format(this.data[i + 1]?.[last])}`).join(', ');
    setAttr(this.box, 'aria-label', `${this.title}, latest: ${shown}`);
  }

  fit() {
    if (!this.observer) return;
    const width = Math.floor(this.box.clientWidth);
    if (width <= 0) return;
    if (!this.plot) this.create(width);
    else if (Math.abs(this.plot.width - width) > 1) this.plot.setSize({ width, height: this.height });
  }

  rebuild() {
    if (this.plot) {
      this.plot.destroy();
      this.plot = null;
    }
    this.fit();
  }

  create(width) {
    if (!this.defs.length) return;
    const t = theme();
    const fmt = this.format;
    const series = [
      { value: (u, v) => (v == null ? '–' : formatClock(v)) },
      ...this.defs.map((d, i) => ({
        label: d.label,
        stroke: d.color ?? t.series[i % t.series.length],
        width: d.width ?? (this.sparkline ? 1.5 : 1.6),
        dash: d.dash,
        fill: d.fill,
        spanGaps: false,
        points: { show: false },
        value: (u, v) => (v == null ? '–' : fmt(v)),
      })),
    ];
    const axis = { stroke: t.fg, grid: { stroke: t.grid, width: 1 }, ticks: { stroke: t.grid, width: 1 } };
    const y = this.range
      ? { range: this.range }
      : { range: (u, min, max) => [0, max > 0 ? max * 1.1 : 1] };
    const opts = this.sparkline
      ? {
        width, height: this.height, padding: [3, 1, 3, 1],
        cursor: { show: false }, legend: { show: false }, select: { show: false },
        scales: { x: { time: false }, y },
        axes: [{ show: false }, { show: false }],
        series,
      }
      : {
        width, height: this.height,
        // Room on the right so the last time label isn't clipped by the canvas edge.
        padding: [10, 30, 0, 0],
        cursor: { drag: { x: false, y: false }, points: { size: 6 } },
        legend: { show: this.legend, live: true },
        scales: { x: { time: true, range: (u, min, max) => this.xRange ?? [min, max] }, y },
        axes: [
          { ...axis, space: 64, values: (u, splits, ax, space, incr) => splits.map((s) => formatClock(s, incr < 60)) },
          { ...axis, size: 86, values: (u, splits) => splits.map((s) => fmt(s)) },
        ],
        series,
        hooks: { draw: [(u) => drawMarkers(u, this.markers, t.marker)] },
      };
    const xs = this.data[0] ?? [];
    const data = this.data.length === series.length
      ? this.data
      : [xs, ...this.defs.map(() => new Array(xs.length).fill(null))];
    this.plot = new uPlot(opts, data, this.box);
    this.showLatestInLegend();
  }

  destroy() {
    this.observer.disconnect();
    this.observer = null;
    charts.delete(this);
    if (this.plot) this.plot.destroy();
    this.plot = null;
  }
}
