/**
 * An agenda item's papers on the staff screens, in a real Chromium: the secretariat reaches them from
 * the meeting's agenda, uploads two PDFs at once, sees them listed with their sizes, removes one after
 * confirming, and is told (keeping the title typed) when a file is not a PDF or none was chosen.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PAPER_BYTES } from '../../src/web/staff/papers-routes.ts';
import { addItem, createMeeting, MINIMAL_PDF } from '../domain/meetings-fixtures.ts';
import { capture, launchBrowser, signIn } from './browser.ts';
import type { El } from './dom.ts';
import { type WebWorld, webWorld } from './fixtures.ts';

async function go(page: Page, selector: string) {
  const [response] = await Promise.all([page.waitForNavigation(), page.click(selector)]);
  return response;
}

async function choose(page: Page, ...files: string[]) {
  const input = (await page.$('#papers-file')) as ElementHandle<never>;
  await input.uploadFile(...files);
}

const rows = (page: Page) =>
  page.$$eval('#papers-table tbody tr', (trs) =>
    trs.map((tr) =>
      Array.from((tr as unknown as { querySelectorAll(s: string): El[] }).querySelectorAll('td')).map(
        (td) => td.textContent?.trim() ?? '',
      ),
    ),
  );

describe('the papers of an agenda item', () => {
  let w: WebWorld;
  let browser: Browser;
  let meetingId: string;
  let itemId: string;
  const dir = mkdtempSync(path.join(tmpdir(), 'boardroom-papers-'));
  const file = (name: string, data: Buffer) => {
    const at = path.join(dir, name);
    writeFileSync(at, data);
    return at;
  };

  beforeAll(async () => {
    [w, browser] = await Promise.all([webWorld(), launchBrowser()]);
    const nextYear = new Date().getUTCFullYear() + 1;
    meetingId = (await createMeeting(w.t, w.admin, w.board.id, { date: `${nextYear}-03-24` })).id;
    itemId = (await addItem(w.t, w.admin, meetingId, { title: 'Estates Strategy', kind: 'other' })).id;
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await w?.close();
  });

  it('uploads two PDFs, lists them with sizes, removes one after confirming, refuses a non-PDF', async () => {
    const clerk = await signIn(browser, w.baseUrl, w.clerk.email);
    const { page } = clerk;
    await page.goto(`${w.baseUrl}/staff/meetings/${meetingId}`);
    await go(page, `a[href="/staff/meetings/${meetingId}/agenda/${itemId}/papers"]`);
    expect(await page.$eval('h1', (el) => el.textContent)).toContain('Papers for “Estates Strategy”');
    expect(await page.$('#papers-table')).toBeNull();

    // Nothing chosen: the error summary, and the title typed is kept.
    await page.type('#papers-title', 'Estates Strategy 2026');
    const none = await go(page, 'main form button[type="submit"]');
    expect(none?.status()).toBe(400);
    expect(await page.$eval('.error-summary', (el) => el.textContent)).toContain(
      'Choose one or more PDF files',
    );
    expect(await page.$eval('#papers-title', (el) => (el as unknown as El).value)).toBe(
      'Estates Strategy 2026',
    );

    // A PNG renamed .pdf is refused by its bytes, and nothing is stored.
    await choose(page, file('photo.pdf', Buffer.from('\x89PNG\r\n\x1a\nnot a pdf')));
    const refused = await go(page, 'main form button[type="submit"]');
    expect(refused?.status()).toBe(400);
    expect(await page.$eval('.error-summary', (el) => el.textContent)).toContain('photo.pdf is not a PDF');
    expect(await page.$eval('#papers-title', (el) => (el as unknown as El).value)).toBe(
      'Estates Strategy 2026',
    );
    expect(await capture(page, 'papers-error')).toEqual([]);
    expect(await page.$('#papers-table')).toBeNull();

    // Larger than the limit: told so, nothing stored.
    const huge = Buffer.concat([MINIMAL_PDF, Buffer.alloc(MAX_PAPER_BYTES, 0x20)]);
    await choose(page, file('Huge.pdf', huge));
    const tooLarge = await go(page, 'main form button[type="submit"]');
    expect(tooLarge?.status()).toBe(400);
    expect(await page.$eval('.error-summary', (el) => el.textContent)).toContain(
      'Huge.pdf is larger than 20 MB',
    );
    expect(await page.$('#papers-table')).toBeNull();

    // Two PDFs at once: each takes its file name as its title.
    await page.$eval('#papers-title', (el) => {
      (el as unknown as El).value = '';
    });
    const big = Buffer.concat([MINIMAL_PDF, Buffer.alloc(3000, 0x20)]);
    await choose(page, file('Estates Strategy.pdf', MINIMAL_PDF), file('Annex A.pdf', big));
    const uploaded = await go(page, 'main form button[type="submit"]');
    expect(uploaded?.status()).toBe(200);
    expect(await page.$eval('.notification', (el) => el.textContent)).toContain('The papers have been added');
    const listed = await rows(page);
    expect(listed.map((r) => r[0])).toEqual(expect.arrayContaining(['Estates Strategy', 'Annex A']));
    expect(listed).toHaveLength(2);
    for (const r of listed) expect(r[2]).toMatch(/^PDF, \d/);
    expect(listed.find((r) => r[0] === 'Annex A')?.[2]).toMatch(/KB/);
    expect(await capture(page, 'papers')).toEqual([]);

    // On a phone the table stacks into cards.
    await page.setViewport({ width: 390, height: 844 });
    expect(await capture(page, 'papers-390')).toEqual([]);
    await page.setViewport({ width: 1366, height: 900 });

    // Remove one: asked first; cancelling keeps it; confirming removes it.
    await go(page, '#papers-table a[href$="/remove"]:not([href=""])');
    expect(await page.$eval('h1', (el) => el.textContent)).toMatch(
      /^Remove the paper “(Estates Strategy|Annex A)”\?$/,
    );
    const removing = (await page.$eval('h1', (el) => el.textContent))!.includes('Annex A')
      ? 'Annex A'
      : 'Estates Strategy';
    expect(await capture(page, 'papers-remove')).toEqual([]);
    await go(page, 'main a.link');
    expect(await rows(page)).toHaveLength(2);
    await go(page, '#papers-table a[href$="/remove"]');
    await go(page, 'main form button[type="submit"]');
    expect(await page.$eval('.notification', (el) => el.textContent)).toContain('The paper has been removed');
    const left = await rows(page);
    expect(left.map((r) => r[0])).toEqual([removing === 'Annex A' ? 'Estates Strategy' : 'Annex A']);

    // Once the notes are approved the content is frozen: a removal confirmed on a page opened
    // before is refused with the error summary, and the page offers no upload or remove.
    await go(page, '#papers-table a[href$="/remove"]');
    const meetingRow = { meeting_id: meetingId, notes_state: 'approved' as const, updated_at: new Date() };
    await w.t.database.db
      .insertInto('meeting_publication')
      .values(meetingRow)
      .onConflict((oc) => oc.column('meeting_id').doUpdateSet({ notes_state: 'approved' }))
      .execute();
    const frozen = await go(page, 'main form button[type="submit"]');
    expect(frozen?.status()).toBe(400);
    expect(await page.$eval('.error-summary', (el) => el.textContent)).toContain('cannot be changed');
    expect(await rows(page)).toHaveLength(1);
    expect(await page.$('#papers-table a[href$="/remove"]')).toBeNull();
    expect(await page.$('#papers-file')).toBeNull();
    expect(await page.$eval('.inset-text', (el) => el.textContent)).toContain(
      'can no longer be added or removed',
    );

    // The API sees the same: one paper on the item.
    const api = await w.t.request({
      method: 'GET',
      url: `/api/v1/agenda-items/${itemId}/papers`,
      as: w.admin,
    });
    expect((api.json() as { items: unknown[] }).items).toHaveLength(1);
    expect(clerk.errors).toEqual([]);
    await clerk.close();
  });

  it('is the secretariat’s: an officer gets the 403 page', async () => {
    const officer = await signIn(browser, w.baseUrl, w.officer.email);
    const res = await officer.page.goto(`${w.baseUrl}/staff/meetings/${meetingId}/agenda/${itemId}/papers`);
    expect(res?.status()).toBe(403);
    await officer.close();
  });
});
