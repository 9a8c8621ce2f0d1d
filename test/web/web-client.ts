/**
 * A browser's side of the web pages through app.inject (no Chromium): a cookie jar, the CSRF token
 * of a page, form posts, and signing in through /login as a person would.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { TEST_PASSWORD } from '../helpers/app.ts';

/** A cookie jar for one browser. */
export class Jar {
  readonly cookies = new Map<string, string>();
  take(res: LightMyRequestResponse): void {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.maxAge === 0 || (c.expires && c.expires.getTime() <= Date.now()) || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export function tokenIn(html: string): string {
  return /<meta name="csrf-token" content="([^"]+)">/.exec(html)![1]!;
}

/** `app` is read at each call, so a client can be made before the test file's app exists. */
export function webClient(app: () => FastifyInstance) {
  const get = async (jar: Jar, url: string) => {
    const res = await app().inject({ method: 'GET', url, headers: { cookie: jar.header() } });
    jar.take(res);
    return res;
  };
  const post = async (jar: Jar, url: string, form: Record<string, string>) => {
    const res = await app().inject({
      method: 'POST',
      url,
      headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(form).toString(),
    });
    jar.take(res);
    return res;
  };
  const signIn = async (email: string, next = '/staff') => {
    const jar = new Jar();
    const page = await get(jar, `/login?next=${encodeURIComponent(next)}`);
    const res = await post(jar, '/login', {
      _csrf: tokenIn(page.body),
      email,
      password: TEST_PASSWORD,
      next,
    });
    return { jar, res };
  };
  return { get, post, signIn };
}
