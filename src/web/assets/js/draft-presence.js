/**
 * "Also editing: …" on the drafting screen: the page arrives with who else had the meeting open;
 * this keeps it current. Every 15 seconds while the tab is visible (and at once when it becomes
 * visible again) it tells the server this tab is still open and shows who else is; on leaving it
 * says goodbye, so others stop seeing this person at once.
 */
import { call } from './http.js';

const EVERY_MS = 15_000;

/**
 * @param {{ api: string, itemId: string, tab: string, el: HTMLElement,
 *   onRefused: (res: import('./http.js').CallResult) => void }} options
 */
export function startPresence({ api, itemId, tab, el, onRefused }) {
  let stopped = false;
  const beat = async () => {
    if (stopped || document.hidden) return;
    const res = await call('POST', `${api}/presence`, { body: { tab, itemId }, background: true });
    if (res.ok) {
      if (el.textContent !== res.data.text) el.textContent = res.data.text;
    } else if (res.status === 401) onRefused(res);
  };
  void beat();
  setInterval(() => void beat(), EVERY_MS);
  document.addEventListener('visibilitychange', () => void beat());
  window.addEventListener('pagehide', () => {
    stopped = true;
    void call('DELETE', `${api}/presence/${tab}`, { keepalive: true, background: true });
  });
  // Back from the browser's page cache: the same tab is open again.
  window.addEventListener('pageshow', (event) => {
    if (!event.persisted) return;
    stopped = false;
    void beat();
  });
}
