// Entry point: a hash router (#/ and #/agents/{id}/{tab}) that mounts one view at a time and
// unmounts the previous one, so an agent page's stream closes as soon as it's left.
import { h, setText, setAttr } from './dom.js';
import { mountOverview } from './overview.js';
import { mountAgent } from './agent.js';
import { mountAlerts } from './alerts.js';

const main = document.getElementById('main');
const conn = document.getElementById('conn');
const crumbs = document.getElementById('crumbs');

// Errors reach the page's error list too, so tests (and people) can see them without devtools.
window.nlErrors = [];
window.addEventListener('error', (e) => window.nlErrors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => window.nlErrors.push(String(e.reason)));

const context = {
  setConn(state, text) {
    setAttr(conn, 'data-state', state);
    setText(conn, text);
  },
  setCrumbs(items) {
    crumbs.replaceChildren(...(items.length ? [h('ol', {}, items.map(([href, label], i) =>
      h('li', {}, href ? h('a', { href }, label) : h('span', { 'aria-current': i === items.length - 1 ? 'page' : null }, label))))] : []));
  },
};

let view = null;
let viewKey = null;

function parse(hash) {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'agents' && parts[1]) return { name: 'agent', id: parts[1], tab: parts[2] || 'live' };
  if (parts[0] === 'alerts') return { name: 'alerts' };
  return { name: 'overview' };
}

function route() {
  let r;
  try {
    r = parse(location.hash);
  } catch {
    r = { name: 'overview' };
  }
  const key = r.name === 'agent' ? `agent:${r.id}` : r.name;
  if (key === viewKey && view?.showTab) {
    view.showTab(r.tab);
    return;
  }
  if (view) view.unmount();
  view = null;
  viewKey = key;
  window.scrollTo(0, 0);
  if (r.name === 'agent') view = mountAgent(main, r, context);
  else if (r.name === 'alerts') view = mountAlerts(main, context);
  else view = mountOverview(main, context);
  document.body.dataset.view = r.name;
}

window.addEventListener('hashchange', route);
route();
