import type { LightMyRequestResponse } from 'fastify';
import { multipart } from '../domain/meetings-fixtures.ts';
import type { MatrixRole } from '../helpers/domain-fixtures.ts';
import { Jar, tokenIn, webClient } from '../web/web-client.ts';
import { nextAddress, type World } from './matrix-world.ts';
import type { StaffRequest } from './staff-matrix-requests.ts';

/**
 * A browser on the staff site, as the staff tests drive it: signed in through /login, sending each
 * form with its session's CSRF token (the scripts, the header), so a refusal is the route's own.
 */
export interface Browser {
  jar: Jar;
  csrf: string;
}

/** A signed-in browser for the role (through /login), or a signed-out one with the sign-in page's token. */
export async function browserFor(w: World, role: MatrixRole): Promise<Browser> {
  const { get, signIn } = webClient(() => w.t.app);
  if (role === 'anonymous') {
    const jar = new Jar();
    return { jar, csrf: tokenIn((await get(jar, '/login')).body) };
  }
  const { jar, res } = await signIn(w.users[role].email);
  if (res.statusCode !== 303) throw new Error(`${role} could not sign in: ${res.statusCode}`);
  let page = await get(jar, '/staff');
  // Officers and members are sent on to their own workspace, which has the token too.
  if (page.statusCode === 303) page = await get(jar, String(page.headers.location));
  return { jar, csrf: tokenIn(page.body) };
}

function formText(form: Record<string, string | string[]>): string {
  return new URLSearchParams(
    Object.entries(form).flatMap(([k, v]) =>
      (Array.isArray(v) ? v : [v]).map((x): [string, string] => [k, x]),
    ),
  ).toString();
}

/** The request as a browser sends it: the form's `_csrf` field, or the script's header. */
export async function send(w: World, browser: Browser, req: StaffRequest): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { cookie: browser.jar.header(), ...req.headers };
  let payload: string | Buffer | undefined;
  if (req.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    payload = formText({ _csrf: browser.csrf, ...req.form });
  } else if (req.parts) {
    const body = multipart([{ name: '_csrf', data: browser.csrf }, ...req.parts]);
    Object.assign(headers, body.headers);
    payload = body.payload;
  } else {
    if (req.method !== 'GET') headers['x-csrf-token'] = browser.csrf;
    if (req.json !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(req.json);
    }
  }
  const res = await w.t.app.inject({
    method: req.method,
    url: req.url,
    headers,
    payload,
    remoteAddress: nextAddress(),
  });
  browser.jar.take(res);
  return res;
}
