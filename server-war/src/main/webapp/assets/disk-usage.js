// The Live tab's disk usage table: one row per mounted disk, rebuilt only when the set of disks
// changes and otherwise updated in place.
import { h, setText, meter, setMeter, table } from './dom.js';
import { formatPercent, formatBytes, formatBytesPerSecond } from './format.js';

const diskId = (d) => `${d.device}|${d.mount_point}`;

/** What identifies the set of disks: the table is rebuilt when it changes. */
export const disksKey = (disks) => (disks ?? []).map(diskId).join(',');

/** The texts of one disk's row: used percent, used / total, read / write rates. */
export function diskTexts(d) {
  return {
    percent: formatPercent(d.usage_percent),
    used: `${formatBytes(d.used_bytes)} / ${formatBytes(d.total_bytes)}`,
    io: `${formatBytesPerSecond(d.read_bytes_per_sec)} / ${formatBytesPerSecond(d.write_bytes_per_sec)}`,
  };
}

/** Builds the disk usage block: {el, render(disks)}. */
export function createDiskUsage() {
  const el = h('div', { id: 'disk-usage' });
  let shownKey = '';
  const rows = new Map();

  function rebuild(disks) {
    rows.clear();
    if (!disks.length) {
      el.replaceChildren(h('p', { class: 'empty' }, 'No disks reported.'));
      return;
    }
    const cells = disks.map((d) => {
      const refs = { meter: meter(`Usage of ${d.mount_point || d.device}`), used: h('span', {}), pct: h('span', {}), io: h('span', {}) };
      rows.set(diskId(d), refs);
      return [d.mount_point || '–', d.device || '–', h('span', { class: 'meter-cell' }, refs.meter, refs.pct), refs.used, refs.io];
    });
    el.replaceChildren(table('Disk usage', ['Mount', 'Device', 'Used', 'Used / total', 'Read / write'], cells, { numeric: [3, 4] }));
  }

  return {
    el,
    render(disks = []) {
      const key = disksKey(disks);
      if (key !== shownKey) {
        shownKey = key;
        rebuild(disks);
      }
      for (const d of disks) {
        const refs = rows.get(diskId(d));
        const text = diskTexts(d);
        setMeter(refs.meter, d.usage_percent);
        setText(refs.pct, text.percent);
        setText(refs.used, text.used);
        setText(refs.io, text.io);
      }
    },
  };
}
