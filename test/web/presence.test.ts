/**
 * "Also editing: …" on the drafting screen: the in-memory register (with a clock the test moves),
 * then two people in two real browser sessions on the same meeting, one of them without JavaScript;
 * and a drafting screen left unattended going to the sign-in page when its session runs out.
 */
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessionCodec } from '../../src/web/session.ts';
import { HEARTBEAT_TTL_MS, PAGE_VIEW_TTL_MS, Presence, presenceText } from '../../src/web/staff/presence.ts';
import { createMeeting } from '../domain/meetings-fixtures.ts';
import { capture, launchBrowser, signIn } from './browser.ts';
import type { Win } from './dom.ts';
import { type WebWorld, webWorld } from './fixtures.ts';

describe('the presence register', () => {
  const ann = { userId: 'u-ann', name: 'Ann Clerk', itemTitle: 'PCC Update' };
  const bob = { userId: 'u-bob', name: 'Bob Clerk', itemTitle: 'Questions' };

  it('lists the others on a meeting, once each, until their tab expires or leaves', () => {
    let now = 1_000_000;
    const presence = new Presence(() => now);
    presence.seen('m1', 'tab-a', ann, PAGE_VIEW_TTL_MS);
    presence.seen('m1', 'tab-b1', bob, HEARTBEAT_TTL_MS);
    presence.seen('m1', 'tab-b2', { ...bob, itemTitle: 'CLOSE' }, PAGE_VIEW_TTL_MS);
    presence.seen('m2', 'tab-c', { ...bob, itemTitle: 'Elsewhere' }, HEARTBEAT_TTL_MS);
    expect(presence.others('m1', ann.userId)).toEqual([{ ...bob, itemTitle: 'CLOSE' }]);
    expect(presence.others('m1', bob.userId)).toEqual([ann]);
    expect(presenceText(presence.others('m1', bob.userId))).toBe('Also editing: Ann Clerk (PCC Update)');
    expect(presenceText([])).toBe('');

    now += HEARTBEAT_TTL_MS;
    expect(presence.others('m2', ann.userId)).toEqual([]);
    presence.left('m1', 'tab-b2', ann.userId); // not Ann's tab: nothing happens
    expect(presence.others('m1', ann.userId)).toHaveLength(1);
    presence.left('m1', 'tab-b2', bob.userId);
    expect(presence.others('m1', ann.userId)).toEqual([]);
    now += PAGE_VIEW_TTL_MS;
    expect(presence.others('m1', bob.userId)).toEqual([]);
  });

  it('keeps a tab its first user’s', () => {
    const presence = new Presence();
    presence.seen('m1', 'tab-a', ann, HEARTBEAT_TTL_MS);
    presence.seen('m1', 'tab-a', bob, HEARTBEAT_TTL_MS);
    expect(presence.others('m1', 'someone')).toEqual([ann]);
  });
});

describe('two people on the same meeting’s drafting screen', () => {
  let w: WebWorld;
  let browser: Browser;
  let meetingId = '';
  const items: Record<string, string> = {};

  beforeAll(async () => {
    [w, browser] = await Promise.all([webWorld(), launchBrowser()]);
    const meeting = await createMeeting(w.t, w.clerk, w.board.id, { date: '2026-06-23' });
    meetingId = meeting.id;
    for (const item of meeting.items) items[item.title] = item.id;
  });
  afterAll(async () => {
    await browser?.close();
    await w?.close();
  });

  const open = (page: Page, title: string) =>
    page.goto(`${w.baseUrl}/staff/meetings/${meetingId}/draft?item=${items[title]}`);
  const presenceOf = (page: Page) => page.$eval('#presence', (el) => el.textContent ?? '');

  it('each sees “Also editing” with the other’s name, and it goes when the other leaves', async () => {
    const clerk = await signIn(browser, w.baseUrl, w.clerk.email);
    const clerk2 = await signIn(browser, w.baseUrl, w.clerk2.email);
    const [name1, name2] = await Promise.all(
      [w.clerk, w.clerk2].map(async (u) => {
        const me = await w.t.request({ method: 'GET', url: '/api/v1/auth/me', as: u });
        return (me.json() as { displayName: string }).displayName;
      }),
    );
    try {
      await open(clerk.page, 'PCC Update');
      expect(await presenceOf(clerk.page)).toBe('');
      await open(clerk2.page, 'Chief Constable Update');
      // Printed with the page, script or not.
      expect(await presenceOf(clerk2.page)).toBe(`Also editing: ${name1} (PCC Update)`);
      // The first person's page hears of it from its heartbeat.
      await waitForPresence(clerk.page, `Also editing: ${name2} (Chief Constable Update)`);
      expect(await capture(clerk.page, '20-draft-also-editing')).toEqual([]);

      // The second person goes to another page: the first no longer sees them.
      await clerk2.page.goto(`${w.baseUrl}/staff`);
      await waitForPresence(clerk.page, '');
      expect(clerk.errors).toEqual([]);
      expect(clerk2.errors).toEqual([]);
    } finally {
      await clerk.close();
      await clerk2.close();
    }
  });

  it('works without JavaScript: the page says who else is there when it loads', async () => {
    const clerk = await signIn(browser, w.baseUrl, w.clerk.email);
    const plain = await signIn(browser, w.baseUrl, w.clerk2.email);
    try {
      await plain.page.setJavaScriptEnabled(false);
      await open(clerk.page, 'PCC Update');
      await open(plain.page, 'CLOSE');
      expect(await presenceOf(plain.page)).toContain('(PCC Update)');
      // The page view alone counts for a while: the scripted page sees the person without a script.
      await waitForPresence(clerk.page, '(CLOSE)');
    } finally {
      await clerk.close();
      await plain.close();
    }
  });

  it('sends a drafting screen left unattended to sign in, saying why and how to come back', async () => {
    const clerk = await signIn(browser, w.baseUrl, w.clerk.email);
    try {
      await open(clerk.page, 'PCC Update');
      await clerk.page.waitForSelector('#save-status[data-state="saved"]');
      // The session as it would be 31 minutes after it was last used (the test knows the key).
      const codec = createSessionCodec(w.t.config);
      const cookies = await clerk.page.cookies();
      const cookie = cookies.find((c) => c.name === codec.cookieName)!;
      const now = Math.floor(Date.now() / 1000);
      const session = codec.unseal(cookie.value)!;
      await clerk.page.setCookie({
        ...cookie,
        value: codec.seal({ ...session, lastActiveAt: now - 31 * 60 }),
      });
      await nudge(clerk.page);
      await clerk.page.waitForFunction(
        () => (globalThis as unknown as { location: { pathname: string } }).location.pathname === '/login',
        { timeout: 20_000 },
      );
      expect(await clerk.page.$eval('main', (el) => el.textContent)).toContain(
        'You were signed out because Boardroom was not used for 30 minutes.',
      );
      expect(await capture(clerk.page, '21-signed-out-idle')).toEqual([]);
      expect(new URL(clerk.page.url()).searchParams.get('next')).toBe(
        `/staff/meetings/${meetingId}/draft?item=${items['PCC Update']}`,
      );
    } finally {
      await clerk.close();
    }
  });
});

/** Makes the page's heartbeat go now, as it does when the tab comes back into view, rather than in 15 s. */
async function nudge(page: Page): Promise<void> {
  await page.evaluate(() => {
    const { document, Event } = globalThis as unknown as Win & {
      document: { dispatchEvent(e: unknown): void };
    };
    document.dispatchEvent(new Event('visibilitychange'));
  });
}

/** Waits until the page's "Also editing" line says `text` ('' = says nothing). */
async function waitForPresence(page: Page, text: string): Promise<void> {
  await nudge(page);
  await page.waitForFunction(
    (want) => {
      const shown = (globalThis as unknown as Win).document.querySelector('#presence')?.textContent ?? '';
      return want === '' ? shown === '' : shown.includes(want);
    },
    { timeout: 20_000 },
    text,
  );
}
