// Agent page tabs: an ARIA tablist whose buttons change the route, with arrow-key navigation.
import { h, setAttr } from './dom.js';

export const TABS = [
  ['live', 'Live'],
  ['history', 'History'],
  ['system', 'System'],
  ['processes', 'Processes'],
];
const KEYS = TABS.map(([k]) => k);
const MOVES = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (i, n) => n - 1,
};

/** The tab a route names, or Live for none or an unknown one. */
export const tabOrDefault = (key) => (KEYS.includes(key) ? key : 'live');

/** The tab a key press moves to from `current` (arrows wrap; Home, End), or null for other keys. */
export function tabAfterKey(current, key) {
  const move = MOVES[key];
  return move ? KEYS[move(KEYS.indexOf(current), KEYS.length)] : null;
}

/** The route of one tab of an agent's page. */
export const tabHash = (id, key) => `#/agents/${encodeURIComponent(id)}/${key}`;

/** Builds the tab list and one empty panel per tab: {tablist, panels, select(key), current}. */
export function createTabs(id) {
  const buttons = new Map();
  const panels = new Map();
  let current = null;

  const tablist = h('div', { role: 'tablist', class: 'tabs', 'aria-label': 'Agent views', onkeydown: onKey });
  for (const [key, label] of TABS) {
    const button = h('button', {
      role: 'tab', id: `tab-${key}`, 'aria-controls': `panel-${key}`, type: 'button',
      onclick: () => { location.hash = tabHash(id, key); },
    }, label);
    buttons.set(key, button);
    tablist.append(button);
    panels.set(key, h('section', {
      role: 'tabpanel', id: `panel-${key}`, 'aria-labelledby': `tab-${key}`, tabindex: 0, hidden: true,
    }));
  }

  function onKey(e) {
    const next = tabAfterKey(current, e.key);
    if (next === null) return;
    e.preventDefault();
    location.hash = tabHash(id, next);
    buttons.get(next).focus();
  }

  /** Shows tab `key` (Live for an unknown one); false when it was already shown. */
  function select(key) {
    const next = tabOrDefault(key);
    if (next === current) return false;
    current = next;
    for (const [k, button] of buttons) {
      const selected = k === next;
      setAttr(button, 'aria-selected', selected ? 'true' : 'false');
      setAttr(button, 'tabindex', selected ? '0' : '-1');
      panels.get(k).hidden = !selected;
    }
    return true;
  }

  return { tablist, panels, select, get current() { return current; } };
}
