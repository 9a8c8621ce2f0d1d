/**
 * The audit log screen in a real Chromium: the secretariat reads who changed what on their board, by
 * name (also for entries written before names were recorded), with before and after side by side,
 * filters by person, kind of record and dates, pages back, and gets its filters back with an error
 * when the dates are the wrong way round; other boards' entries never show; members are refused.
 */
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoard, createMeeting } from '../domain/meetings-fixtures.ts';
import { capture, launchBrowser, setValue, signIn } from './browser.ts';
import { type WebWorld, webWorld } from './fixtures.ts';

async function go(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

const entries = (page: Page) => page.$$eval('.audit-entry', (els) => els.map((el) => el.textContent ?? ''));

describe('the audit log screen', () => {
  let w: WebWorld;
  let browser: Browser;
  let otherMeetingId: string;
  const names: Record<string, string> = {};

  beforeAll(async () => {
    [w, browser] = await Promise.all([webWorld(), launchBrowser()]);
    const db = w.t.database.db;
    for (const [key, id] of Object.entries({ clerk: w.clerk.id, clerk2: w.clerk2.id, admin: w.admin.id })) {
      await db
        .updateTable('users')
        .set({ display_name: `Name of ${key}` })
        .where('id', '=', id)
        .execute();
      names[key] = `Name of ${key}`;
    }
    const m = await createMeeting(w.t, w.clerk, w.board.id, { date: '2026-03-24', location: 'Lloyd House' });
    const patch = await w.t.request({
      method: 'PATCH',
      url: `/api/v1/meetings/${m.id}`,
      as: w.clerk,
      headers: { 'if-match': `W/"${m.id}:${m.version}"` },
      payload: { location: 'Tally Ho, Edgbaston' },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    // An entry written before the writer recorded names: the screen names the account.
    await db
      .insertInto('audit_log')
      .values({
        actor_user_id: w.clerk2.id,
        actor_name: null,
        action: 'meeting.status',
        entity_type: 'meeting',
        entity_id: m.id,
        before: JSON.stringify({ status: 'scheduled' }),
        after: JSON.stringify({ status: 'held' }),
      })
      .execute();
    const other = await createBoard(w.t, w.admin, { name: 'Somewhere Else Panel', code: 'SEP' });
    otherMeetingId = (await createMeeting(w.t, w.admin, other.id, { location: 'Elsewhere Hall' })).id;
    // Twenty-five more entries, so the list has a second page.
    for (let i = 0; i < 25; i++) {
      await db
        .insertInto('audit_log')
        .values({
          actor_user_id: w.admin.id,
          action: 'meeting.update',
          entity_type: 'meeting',
          entity_id: m.id,
          at: new Date(Date.UTC(2026, 0, 1, 12, i)),
          before: JSON.stringify({ summary: `Old ${i}` }),
          after: JSON.stringify({ summary: `New ${i}` }),
        })
        .execute();
    }
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await w?.close();
  });

  it('shows the secretariat who did what on their board, by name, with before and after', async () => {
    const clerk = await signIn(browser, w.baseUrl, w.clerk.email);
    const { page } = clerk;
    await go(page, 'a[href="/staff/audit"]');
    expect(await page.$eval('h1', (el) => el.textContent)).toBe('Audit log');
    const all = await entries(page);
    const change = all.find((e) => e.includes('Tally Ho, Edgbaston'));
    expect(change).toContain('Meeting changed');
    expect(change).toContain(names.clerk);
    expect(change).toContain('Lloyd House');
    const old = all.find((e) => e.includes('Meeting status changed'));
    expect(old).toContain(names.clerk2);
    expect(old).toMatch(/scheduled[\s\S]*held/);
    // Never another board's entries.
    expect(all.join(' ')).not.toContain('Elsewhere Hall');
    expect(await page.content()).not.toContain(otherMeetingId);
    expect(await capture(page, 'audit-01-secretariat')).toEqual([]);
    await page.setViewport({ width: 390, height: 844 });
    expect(await capture(page, 'audit-02-secretariat-390px')).toEqual([]);
    const overflow = await page.evaluate(() => {
      const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } })
        .document;
      return d.documentElement.scrollWidth;
    });
    expect(overflow).toBeLessThanOrEqual(390);
    await page.setViewport({ width: 1366, height: 900 });

    // Filter by person: only what the second clerk did.
    await page.select('#audit-person', w.clerk2.id);
    await go(page, '.filters button[type="submit"]');
    const byClerk2 = await entries(page);
    expect(byClerk2).toHaveLength(1);
    expect(byClerk2[0]).toContain(names.clerk2);
    expect(await page.$eval('#audit-person', (el) => (el as unknown as { value: string }).value)).toBe(
      w.clerk2.id,
    );

    // A date range in London days: 1 January 2026 holds the twenty-five older entries, 25 a page,
    // newest first; "Older entries" pages back without repeats.
    await page.select('#audit-person', '');
    await setValue(page, '#audit-from', '2026-01-01');
    await setValue(page, '#audit-to', '2026-01-01');
    await go(page, '.filters button[type="submit"]');
    const first = await entries(page);
    expect(first).toHaveLength(25);
    expect(first[0]).toContain('New 24');
    expect(first[0]).toContain(names.admin);
    expect(first[0]).toContain('1 Jan 2026, 12:24');
    expect(await page.$('a.pagination__link--next')).toBeNull();
    await setValue(page, '#audit-from', '2025-12-31');
    await page.select('#audit-type', 'meeting');
    await go(page, '.filters button[type="submit"]');
    expect(await entries(page)).toHaveLength(25);
    await setValue(page, '#audit-from', '');
    await setValue(page, '#audit-to', '');
    await go(page, '.filters button[type="submit"]');
    const pageOne = await entries(page);
    await go(page, 'a.pagination__link--next');
    const pageTwo = await entries(page);
    expect(pageOne).toHaveLength(25);
    expect(pageTwo.length).toBeGreaterThan(0);
    expect(pageTwo.some((e) => e.includes('Old 0'))).toBe(true);
    expect(pageOne.some((e) => e.includes('Old 0'))).toBe(false);
    await clerk.close();
  });

  it('keeps what was typed and explains when the dates are the wrong way round', async () => {
    const clerk = await signIn(browser, w.baseUrl, w.clerk.email);
    const { page } = clerk;
    await page.goto(`${w.baseUrl}/staff/audit`);
    await page.select('#audit-type', 'meeting');
    await setValue(page, '#audit-from', '2026-03-10');
    await setValue(page, '#audit-to', '2026-03-01');
    const [response] = await Promise.all([
      page.waitForNavigation(),
      page.click('.filters button[type="submit"]'),
    ]);
    expect(response?.status()).toBe(400);
    expect(await page.$eval('.error-summary', (el) => el.textContent)).toContain(
      'The last day must be the same as or after the first day',
    );
    const value = (sel: string) => page.$eval(sel, (el) => (el as unknown as { value: string }).value);
    expect(await value('#audit-from')).toBe('2026-03-10');
    expect(await value('#audit-to')).toBe('2026-03-01');
    expect(await value('#audit-type')).toBe('meeting');
    expect(await capture(page, 'audit-03-error')).toEqual([]);
    // Another board's log by address: refused.
    const res = await page.goto(`${w.baseUrl}/staff/audit?board=${crypto.randomUUID()}`);
    expect(res?.status()).toBe(403);
    await clerk.close();
  });

  it('shows an admin every board, and refuses members', async () => {
    const admin = await signIn(browser, w.baseUrl, w.admin.email);
    await admin.page.goto(`${w.baseUrl}/staff/audit`);
    expect((await entries(admin.page)).join(' ')).toContain('Elsewhere Hall');
    expect(await admin.page.$eval('#audit-board option', (el) => el.textContent)).toBe('All boards');
    await admin.close();
    const member = await signIn(browser, w.baseUrl, w.member.email);
    expect((await member.page.goto(`${w.baseUrl}/staff/audit`))?.status()).toBe(403);
    await member.close();
  });
});
