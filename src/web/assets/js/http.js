/**
 * JSON calls from the drafting screen to /staff/api: the session cookie travels by itself; the CSRF
 * token goes in a header. Never throws: a dropped connection comes back as status 0. Calls the
 * person did not make (polling, presence) say so, so they do not keep an unattended session alive;
 * a 401 because the session ran out comes back with why (`ended`: 'idle' or 'expired').
 */

let token = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';

/** @param {string} id @param {number} version */
export function etag(id, version) {
  return `W/"${id}:${version}"`;
}

/**
 * @typedef {{ body?: unknown, ifMatch?: string, key?: string, keepalive?: boolean, background?: boolean }} CallOptions
 * @typedef {{ status: number, ok: boolean, data: any, ended?: string | null }} CallResult
 */

/**
 * @param {string} method
 * @param {string} url
 * @param {CallOptions} [options]
 * @returns {Promise<CallResult>}
 */
export async function call(method, url, options = {}) {
  const first = await send(method, url, options);
  // A session renewed in another tab changes the CSRF token: fetch the current one and try once more.
  if (first.status === 403 && /csrf/i.test(String(first.data?.detail ?? ''))) {
    const fresh = await send('GET', '/staff/api/csrf', { background: options.background });
    if (fresh.ok && typeof fresh.data?.csrfToken === 'string') {
      token = fresh.data.csrfToken;
      return send(method, url, options);
    }
  }
  return first;
}

/** @param {string} method @param {string} url @param {CallOptions} options @returns {Promise<CallResult>} */
async function send(method, url, options) {
  /** @type {Record<string, string>} */
  const headers = { accept: 'application/json', 'x-csrf-token': token };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.ifMatch) headers['if-match'] = options.ifMatch;
  if (options.key) headers['idempotency-key'] = options.key;
  if (options.background) headers['x-boardroom-background'] = '1';
  try {
    const response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      keepalive: options.keepalive === true,
    });
    const data = response.status === 204 ? null : await response.json().catch(() => null);
    return { status: response.status, ok: response.ok, data, ended: response.headers.get('x-session-ended') };
  } catch {
    return { status: 0, ok: false, data: null };
  }
}
