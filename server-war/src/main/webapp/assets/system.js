// System tab: hardware, OS, disks, network interfaces and installed packages (with a filter).
import { h, defList, table, setText } from './dom.js';
import { formatBytes, formatGhz, formatUptime, formatCount, formatLinkSpeed, formatClock } from './format.js';

const PACKAGE_PAGE = 200;

const orDash = (v) => (v === undefined || v === null || v === '' ? '–' : v);

/** Renders SystemInfo into `el`, replacing what was there. */
export function renderSystem(el, info) {
  const hw = info.hardware ?? {};
  const sw = info.software ?? {};
  const cpu = hw.cpu ?? {};
  const mem = hw.memory ?? {};
  const os = sw.os ?? {};
  const disks = hw.disks ?? [];
  const nics = info.network_interfaces ?? [];

  el.replaceChildren(
    h('p', { class: 'muted' }, `Reported at ${formatClock(info.timestamp)} on ${new Date(info.timestamp * 1000).toLocaleDateString()}`),
    h('div', { class: 'cards-2' },
      h('section', { class: 'card', 'aria-labelledby': 'sys-os' },
        h('h2', { id: 'sys-os' }, 'Operating system'),
        defList([
          ['Hostname', orDash(sw.hostname)],
          ['OS', orDash([os.name, os.version].filter(Boolean).join(' '))],
          ['Distribution', orDash(os.distribution)],
          ['Kernel', orDash(os.kernel_version)],
          ['Uptime at report', formatUptime(sw.uptime_seconds)],
          ['Architecture', orDash(hw.architecture)],
        ])),
      h('section', { class: 'card', 'aria-labelledby': 'sys-hw' },
        h('h2', { id: 'sys-hw' }, 'Hardware'),
        defList([
          ['CPU', orDash(cpu.model)],
          ['Cores / threads', `${orDash(hw.core_count || cpu.cores)} / ${orDash(hw.thread_count || cpu.threads)}`],
          ['Frequency', `${formatGhz(cpu.base_frequency_ghz)} base · ${formatGhz(cpu.max_frequency_ghz)} max`],
          ['Memory', `${formatBytes(mem.total_bytes)}${mem.memory_type ? ` ${mem.memory_type}` : ''}${mem.speed_mhz ? ` @ ${mem.speed_mhz} MHz` : ''}`],
          ['Available at report', formatBytes(mem.available_bytes)],
          ['CPU features', cpu.features?.length
            ? h('details', {}, h('summary', {}, `${cpu.features.length} flags`), h('span', { class: 'features' }, cpu.features.join(' ')))
            : '–'],
        ]))),
    h('h2', {}, 'Disks'),
    disks.length
      ? table('Disks', ['Device', 'Mount', 'Filesystem', 'Type', 'Size', 'Available'],
        disks.map((d) => [orDash(d.device), orDash(d.mount_point), orDash(d.filesystem), orDash(d.disk_type),
          formatBytes(d.total_bytes), formatBytes(d.available_bytes)]), { numeric: [4, 5] })
      : h('p', { class: 'empty' }, 'No disks reported.'),
    h('h2', {}, 'Network interfaces'),
    nics.length
      ? table('Network interfaces', ['Name', 'State', 'Addresses', 'MAC', 'Speed'],
        nics.map((n) => [n.name, h('span', { class: `badge ${n.is_up ? 'up' : 'down'}` }, n.is_up ? 'Up' : 'Down'),
          orDash((n.ip_addresses ?? []).join(', ')), orDash(n.mac_address), formatLinkSpeed(n.speed_mbps)]))
      : h('p', { class: 'empty' }, 'No interfaces reported.'),
    packagesSection(sw.packages ?? []));
}

function packagesSection(packages) {
  const sorted = [...packages].sort((a, b) => a.name.localeCompare(b.name));
  let limit = PACKAGE_PAGE;
  const count = h('p', { class: 'muted', id: 'package-count', 'aria-live': 'polite' });
  const body = h('div', { id: 'package-table' });
  const more = h('button', { type: 'button', class: 'button', hidden: true, onclick: () => { limit += PACKAGE_PAGE * 5; draw(); } }, 'Show more');
  const input = h('input', {
    type: 'search', id: 'package-filter', placeholder: 'Filter by name, version or manager',
    'aria-label': 'Filter installed packages', autocomplete: 'off',
    oninput: () => { limit = PACKAGE_PAGE; draw(); },
  });

  function draw() {
    const q = input.value.trim().toLowerCase();
    const hits = q
      ? sorted.filter((p) => p.name.toLowerCase().includes(q) || p.version?.toLowerCase().includes(q) || p.package_manager?.toLowerCase() === q)
      : sorted;
    const shown = hits.slice(0, limit);
    setText(count, `${formatCount(hits.length)} of ${formatCount(sorted.length)} packages${shown.length < hits.length ? ` (first ${formatCount(shown.length)} shown)` : ''}`);
    body.replaceChildren(shown.length
      ? table('Package list', ['Name', 'Version', 'Manager'], shown.map((p) => [p.name, orDash(p.version), orDash(p.package_manager)]))
      : h('p', { class: 'empty' }, sorted.length ? 'No package matches.' : 'The agent reported no packages.'));
    more.hidden = shown.length >= hits.length;
  }
  draw();
  return h('section', { 'aria-labelledby': 'sys-packages' },
    h('h2', { id: 'sys-packages' }, 'Installed packages'),
    h('div', { class: 'panel-tools' }, input, count), body, more);
}
