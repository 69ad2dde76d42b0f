// An agent's live metrics over SSE: one EventSource per open page, closed when the page is left
// or hidden for a while, so that the server can stop the agent's stream.
import * as api from './api.js';

const REOPEN_AFTER_CLOSE_MS = 5000;
const HIDDEN_GRACE_MS = 30000;

/**
 * The metrics stream of agent `id`. interval() gives the seconds to ask for at each (re)open;
 * onState(state) hears 'connecting', 'live', 'retrying' and 'closed'; onSnapshot and onStatus get
 * the parsed `metrics` and `status` events; mayReopen() says whether a stream the server closed
 * should be opened again (after 5 s). Returns {open(), close(), isOpen}.
 */
export function createStream(id, { interval, onState, onSnapshot, onStatus, mayReopen }) {
  let source = null;

  function open() {
    close();
    onState('connecting');
    const es = new EventSource(api.streamUrl(id, interval()));
    source = es;
    const mine = (handler) => (e) => { if (source === es) handler(e); };
    es.addEventListener('open', mine(() => onState('live')));
    es.addEventListener('metrics', mine((e) => onSnapshot(JSON.parse(e.data))));
    es.addEventListener('status', mine((e) => onStatus(JSON.parse(e.data))));
    es.addEventListener('error', mine(() => onError(es)));
  }

  function onError(es) {
    // EventSource retries on its own while CONNECTING; CLOSED means the server refused.
    const closed = es.readyState === EventSource.CLOSED;
    onState(closed ? 'closed' : 'retrying');
    if (!closed) return;
    source = null;
    setTimeout(() => { if (!source && !document.hidden && mayReopen()) open(); }, REOPEN_AFTER_CLOSE_MS);
  }

  function close() {
    if (source) {
      source.close();
      source = null;
    }
  }

  return { open, close, get isOpen() { return source !== null; } };
}

/**
 * Never keeps a stream open for a page nobody sees: closes it when the page is left (pagehide)
 * or after 30 s hidden (then onPause()), and calls reopen() when the page is seen again.
 * Returns a function that stops watching.
 */
export function closeWhileUnseen(stream, { onPause, reopen }) {
  let hiddenTimer = null;
  const onPageHide = () => stream.close();
  const onPageShow = (e) => { if (e.persisted) reopen(); };
  const onVisibility = () => {
    if (document.hidden) {
      hiddenTimer = setTimeout(() => { stream.close(); onPause(); }, HIDDEN_GRACE_MS);
    } else {
      clearTimeout(hiddenTimer);
      if (!stream.isOpen) reopen();
    }
  };
  window.addEventListener('pagehide', onPageHide);
  window.addEventListener('pageshow', onPageShow);
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    clearTimeout(hiddenTimer);
    window.removeEventListener('pagehide', onPageHide);
    window.removeEventListener('pageshow', onPageShow);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
