// Small DOM helpers. Text always goes in as text nodes, never as HTML, so agent data can't inject.

/**
 * Creates an element: h('a', {href: '#/', class: 'x', onclick: fn}, 'text', child, ...).
 * Attributes named on* become listeners; `dataset` and `style` objects are merged; null/false skip.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'dataset' || key === 'style') {
      Object.assign(el[key], value);
    } else if (key === 'class') {
      el.className = value;
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Sets text only when it changed: keeps per-tick updates from touching the layout needlessly. */
export function setText(el, text) {
  const value = String(text);
  if (el.textContent !== value) el.textContent = value;
}

/** Sets or removes an attribute only when it changed. */
export function setAttr(el, name, value) {
  if (value === null || value === undefined || value === false) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
    return;
  }
  const v = value === true ? '' : String(value);
  if (el.getAttribute(name) !== v) el.setAttribute(name, v);
}

/** A horizontal bar with ARIA meter semantics: fill it with setMeter. */
export function meter(label) {
  const fill = h('span', { class: 'meter-fill' });
  const el = h('span', {
    class: 'meter', role: 'meter', 'aria-label': label,
    'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': 0,
  }, fill);
  el.fill = fill;
  return el;
}

/** Sets a meter's value (0–100) and its warning level. */
export function setMeter(el, percent, text) {
  const p = Number.isFinite(percent) ? Math.max(0, Math.min(100, percent)) : 0;
  el.fill.style.width = `${p}%`;
  setAttr(el, 'aria-valuenow', p.toFixed(1));
  setAttr(el, 'aria-valuetext', text ?? `${p.toFixed(1)}%`);
  setAttr(el, 'data-level', p >= 90 ? 'crit' : p >= 75 ? 'warn' : 'ok');
}

/** Runs fn once on the next animation frame however many times it's asked before then. */
export function frameBatcher(fn) {
  let pending = false;
  return () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      fn();
    });
  };
}

/** A definition list from [label, value] pairs; values may be nodes. */
export function defList(pairs, className = 'facts') {
  return h('dl', { class: className }, pairs.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

/** A table with a caption, header and rows of cells (strings or nodes). */
export function table(caption, headers, rows, { numeric = [] } = {}) {
  return h('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': caption },
    h('table', {},
      h('caption', { class: 'visually-hidden' }, caption),
      h('thead', {}, h('tr', {}, headers.map((t, i) =>
        h('th', { scope: 'col', class: numeric.includes(i) ? 'num' : null }, t)))),
      h('tbody', {}, rows.map((row) => h('tr', {}, row.map((c, i) =>
        h('td', { class: numeric.includes(i) ? 'num' : null }, c)))))));
}

/** Shows a badge ({show, text, title}) or hides it. */
export function showBadge(el, badge) {
  setAttr(el, 'hidden', !badge.show);
  setText(el, badge.text);
  setAttr(el, 'title', badge.show ? badge.title : null);
}
