/**
 * "Also editing: …" on the drafting screen: the register in the database (with a clock the test
 * moves), then two people in two real browser sessions on the same meeting, one of them without
 * JavaScript, and two served by two API processes on one database; and a drafting screen left
 * unattended going to the sign-in page when its session runs out.
 */
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { openDatabase } from '../../src/db/database.ts';
import { createSessionCodec } from '../../src/web/session.ts';
import {
  HEARTBEAT_TTL_MS,
  left,
  others,
  PAGE_VIEW_TTL_MS,
  presenceText,
  seen,
} from '../../src/web/staff/presence.ts';
import { createMeeting } from '../domain/meetings-fixtures.ts';
import { capture, launchBrowser, signIn } from './browser.ts';
import type { Win } from './dom.ts';
import { type WebWorld, webWorld } from './fixtures.ts';

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

  const open = (page: Page, title: string, baseUrl = w.baseUrl) =>
    page.goto(`${baseUrl}/staff/meetings/${meetingId}/draft?item=${items[title]}`);
  const presenceOf = (page: Page) => page.$eval('#presence', (el) => el.textContent ?? '');
  const nameOf = async (id: string) =>
    (
      await w.t.database.db
        .selectFrom('users')
        .select('display_name')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).display_name;

  it('the register lists the others on a meeting, once each, until their tab expires or leaves', async () => {
    const db = w.t.database.db;
    const ann = { userId: w.clerk.id, name: await nameOf(w.clerk.id) };
    const bob = { userId: w.clerk2.id, name: await nameOf(w.clerk2.id) };
    const other = await createMeeting(w.t, w.clerk, w.board.id, { date: '2026-07-21' });
    const tab = () => crypto.randomUUID();
    // An hour ago, so nothing here is still open when the browsers below look.
    let now = Date.now() - 3_600_000;
    const at = () => new Date(now);
    const on = (title: string, meeting = meetingId) => ({
      meetingId: meeting,
      itemId: meeting === meetingId ? items[title]! : other.items.find((i) => i.title === title)!.id,
    });
    const [a, b1, b2, c] = [tab(), tab(), tab(), tab()];
    await seen(db, { tab: a, userId: ann.userId, ...on('PCC Update') }, PAGE_VIEW_TTL_MS, at());
    await seen(
      db,
      { tab: b1, userId: bob.userId, ...on('Questions from AGB members') },
      HEARTBEAT_TTL_MS,
      at(),
    );
    await seen(db, { tab: b2, userId: bob.userId, ...on('CLOSE') }, PAGE_VIEW_TTL_MS, at());
    await seen(db, { tab: c, userId: bob.userId, ...on('PCC Update', other.id) }, HEARTBEAT_TTL_MS, at());
    expect(await others(db, meetingId, ann.userId, at())).toEqual([{ ...bob, itemTitle: 'CLOSE' }]);
    expect(await others(db, meetingId, bob.userId, at())).toEqual([{ ...ann, itemTitle: 'PCC Update' }]);
    expect(presenceText(await others(db, meetingId, bob.userId, at()))).toBe(
      `Also editing: ${ann.name} (PCC Update)`,
    );
    expect(presenceText([])).toBe('');
    // A tab is its first user's: another cannot take it over.
    await seen(db, { tab: a, userId: bob.userId, ...on('CLOSE') }, PAGE_VIEW_TTL_MS, at());
    expect(await others(db, meetingId, w.admin.id, at())).toEqual([
      { ...ann, itemTitle: 'PCC Update' },
      { ...bob, itemTitle: 'CLOSE' },
    ]);

    now += HEARTBEAT_TTL_MS;
    expect(await others(db, other.id, ann.userId, at())).toEqual([]);
    await left(db, meetingId, b2, ann.userId); // not Ann's tab: nothing happens
    expect(await others(db, meetingId, ann.userId, at())).toHaveLength(1);
    await left(db, meetingId, b2, bob.userId);
    expect(await others(db, meetingId, ann.userId, at())).toEqual([]);
    now += PAGE_VIEW_TTL_MS;
    expect(await others(db, meetingId, bob.userId, at())).toEqual([]);

    // The next heartbeat, anyone's, clears the expired rows.
    const d = tab();
    await seen(db, { tab: d, userId: ann.userId, ...on('CLOSE') }, HEARTBEAT_TTL_MS, at());
    expect((await db.selectFrom('presence').select('tab').execute()).map((r) => r.tab)).toEqual([d]);
    await left(db, meetingId, d, ann.userId);
  });

  /** One person on PCC Update, the other (at `baseUrl2`) on `item`: each sees the other, then the other goes. */
  async function seeEachOther(baseUrl2: string, item: string, screenshot: string | null) {
    const clerk = await signIn(browser, w.baseUrl, w.clerk.email);
    const clerk2 = await signIn(browser, baseUrl2, w.clerk2.email);
    try {
      await open(clerk.page, 'PCC Update');
      expect(await presenceOf(clerk.page)).toBe('');
      await open(clerk2.page, item, baseUrl2);
      // Printed with the page, script or not.
      expect(await presenceOf(clerk2.page)).toBe(`Also editing: ${await nameOf(w.clerk.id)} (PCC Update)`);
      // The first person's page hears of it from its heartbeat.
      await waitForPresence(clerk.page, `Also editing: ${await nameOf(w.clerk2.id)} (${item})`);
      if (screenshot) expect(await capture(clerk.page, screenshot)).toEqual([]);

      // The second person goes to another page: the first no longer sees them.
      await clerk2.page.goto(`${baseUrl2}/staff`);
      await waitForPresence(clerk.page, '');
      expect(clerk.errors).toEqual([]);
      expect(clerk2.errors).toEqual([]);
    } finally {
      await clerk.close();
      await clerk2.close();
    }
  }

  it('each sees “Also editing” with the other’s name, and it goes when the other leaves', async () => {
    await seeEachOther(w.baseUrl, 'Chief Constable Update', '20-draft-also-editing');
  });

  it.runIf(inject('testDb').mode === 'postgres')(
    'each sees the other when they are served by two API processes on one database',
    async () => {
      const second = await openDatabase({ kind: 'postgres', url: w.t.database.url! });
      const app2 = await buildApp({ config: w.t.config, db: second.db });
      try {
        await app2.listen({ host: '127.0.0.1', port: 0 });
        const { port } = app2.server.address() as AddressInfo;
        await seeEachOther(`http://127.0.0.1:${port}`, 'CLOSE', null);
      } finally {
        await app2.close();
        await second.close();
      }
    },
  );

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
