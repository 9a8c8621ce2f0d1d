/**
 * The secretariat's decisions screens in a real Chromium (issue 15): record a decision (a mistake
 * first, kept as typed), edit the draft, publish after a confirmation (refused while its linked item
 * is no longer public), get the PDF notice and the public page, and correct it with a reason as a
 * new version; the list fits a 390 px screen. Nothing here goes through the API but the set-up.
 */
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capture, fetchInPage, launchBrowser, type Session, setValue, signIn } from './browser.ts';
import { type WebWorld, webWorld } from './fixtures.ts';
import { tokenIn, webClient } from './web-client.ts';

async function go(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

const text = (page: Page) => page.$eval('main', (el) => (el.textContent ?? '').replace(/\s+/g, ' '));
const inputValue = (page: Page, selector: string) =>
  page.$eval(selector, (el) => (el as unknown as { value: string }).value);

/** The page at 390 px wide: no axe violation, nothing wider than the screen; then back to desktop. */
async function onPhone(page: Page, name: string): Promise<void> {
  await page.setViewport({ width: 390, height: 844 });
  expect(await capture(page, name)).toEqual([]);
  const width = await page.evaluate(
    () =>
      (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
        .documentElement.scrollWidth,
  );
  expect(width, name).toBeLessThanOrEqual(390);
  await page.setViewport({ width: 1366, height: 900 });
}

describe('decisions on screen', () => {
  let w: WebWorld;
  let browser: Browser;
  let clerk: Session;
  let meetingId = '';
  let itemId = '';
  let itemVersion = 0;
  const web = webClient(() => w.t.app);

  beforeAll(async () => {
    [w, browser] = await Promise.all([webWorld(), launchBrowser()]);
    const res = await w.t.request({
      method: 'POST',
      url: '/api/v1/meetings',
      as: w.clerk,
      payload: { boardId: w.board.id, date: '2026-03-24', startTime: '10:00', location: 'Lloyd House' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const meeting = res.json() as { id: string; items: { id: string; title: string; version: number }[] };
    meetingId = meeting.id;
    const item = meeting.items.find((i) => i.title === 'Chief Constable Update')!;
    itemId = item.id;
    itemVersion = item.version;
    clerk = await signIn(browser, w.baseUrl, w.clerk.email);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await w?.close();
  });

  it('records, edits, publishes and corrects a decision, with its PDF notice and public page', async () => {
    const { page } = clerk;
    // From the board page to the board's decisions and the form.
    await page.goto(`${w.baseUrl}/staff/boards/${w.board.id}`);
    await go(page, `a[href="/staff/boards/${w.board.id}/decisions"]`);
    expect(await text(page)).toContain('No draft decisions.');
    await go(page, `a[href="/staff/boards/${w.board.id}/decisions/new"]`);
    expect(await capture(page, 'decision-new')).toEqual([]);

    // No title: the error summary, and everything typed is still there.
    await setValue(page, '#decision-decisionDate', '2026-03-24');
    await page.type('#decision-decisionMaker', 'Police and Crime Commissioner, Simon Foster');
    await page.type('#decision-summary', 'The Commissioner approved the contract.\n\nIt runs for two years.');
    await page.select('#decision-itemId', itemId);
    await go(page, 'button[type="submit"].button');
    expect(await page.$eval('.error-summary', (el) => el.textContent)).toContain(
      'Enter the title of the decision',
    );
    expect(await page.title()).toMatch(/^Error: /);
    expect(await inputValue(page, '#decision-decisionMaker')).toBe(
      'Police and Crime Commissioner, Simon Foster',
    );
    expect(await inputValue(page, '#decision-summary')).toContain('It runs for two years.');
    expect(await inputValue(page, '#decision-itemId')).toBe(itemId);
    expect(await capture(page, 'decision-new-error')).toEqual([]);

    await page.type('#decision-title', 'Custody healthcare contract');
    await go(page, 'button[type="submit"].button');
    expect(page.url()).toMatch(/\/staff\/decisions\/[0-9a-f-]{36}\?notice=created$/);
    const id = /decisions\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    let main = await text(page);
    expect(main).toContain('The decision has been saved as a draft.');
    expect(main).toContain('Draft');
    expect(main).toContain('Chief Constable Update');

    // Edit the draft.
    await page.$eval('#decision-title', (el) => {
      (el as unknown as { value: string }).value = '';
    });
    await page.type('#decision-title', 'Custody healthcare contract award');
    await go(page, '#edit button[type="submit"]');
    main = await text(page);
    expect(main).toContain('Your changes to the draft have been saved.');
    expect(await page.$eval('h1', (el) => el.textContent)).toBe('Custody healthcare contract award');

    // Meanwhile the item was made exempt: publishing is refused, shown as an error on the page.
    const exempt = await w.t.request({
      method: 'PATCH',
      url: `/api/v1/agenda-items/${itemId}`,
      as: w.clerk,
      headers: { 'if-match': `W/"${itemId}:${itemVersion}"` },
      payload: { confidentiality: 'exempt', exemptReason: 'Commercial interests' },
    });
    expect(exempt.statusCode, exempt.body).toBe(200);
    await go(page, '#decision-publish');
    expect(await page.$eval('h1', (el) => el.textContent)).toBe(
      'Publish “Custody healthcare contract award”?',
    );
    expect(await capture(page, 'decision-confirm-publish')).toEqual([]);
    await go(page, 'main form button[type="submit"]');
    expect(await page.$eval('.error-summary', (el) => el.textContent)).toContain(
      'The linked agenda item is no longer public',
    );
    expect(await capture(page, 'decision-publish-refused')).toEqual([]);
    // The item is still shown as linked, marked, and can be unlinked.
    expect(await inputValue(page, '#decision-itemId')).toBe(itemId);
    expect(await text(page)).toContain('(not public)');
    await page.select('#decision-itemId', '');
    await page.select('#decision-meetingId', meetingId);
    await go(page, '#edit button[type="submit"]');
    expect(await text(page)).toContain('Your changes to the draft have been saved.');

    await go(page, '#decision-publish');
    await go(page, 'main form button[type="submit"]');
    main = await text(page);
    expect(main).toContain('The decision has been published in the register.');
    expect(main).toMatch(new RegExp(`${w.board.code}-D-2026-1`));
    expect(main).toContain('Version 1');
    expect(await capture(page, 'decision-published')).toEqual([]);
    await onPhone(page, 'decision-published-390');

    // The PDF notice and the public page.
    const pdfHref = await page.$eval('a[href$="/versions/1/pdf"]', (el) => el.getAttribute('href')!);
    const pdf = await fetchInPage(page, pdfHref);
    expect(pdf.status).toBe(200);
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    const publicPage = await fetchInPage(page, `/decisions/${id}`);
    expect(publicPage.status).toBe(200);
    expect(publicPage.body.toString()).toContain('Custody healthcare contract award');

    // A correction without a reason is refused, keeping the changed title.
    await page.$eval('#decision-title', (el) => {
      (el as unknown as { value: string }).value = '';
    });
    await page.type('#decision-title', 'Custody healthcare contract award 2026');
    await go(page, '#correct button[type="submit"]');
    expect(await page.$eval('.error-summary', (el) => el.textContent)).toContain(
      'Enter the reason for the correction',
    );
    expect(await inputValue(page, '#decision-title')).toBe('Custody healthcare contract award 2026');
    await page.type('#decision-reason', 'The title left out the year.');
    await go(page, '#correct button[type="submit"]');
    main = await text(page);
    expect(main).toContain('The correction has been published as a new version.');
    expect(main).toContain('Version 2');
    expect(main).toContain('The title left out the year.');
    expect(main).toContain('(superseded)');

    // The board's list: published, version 2, its notice; on a phone the rows stack.
    await page.goto(`${w.baseUrl}/staff/decisions`);
    expect(page.url()).toBe(`${w.baseUrl}/staff/boards/${w.board.id}/decisions`);
    main = await text(page);
    expect(main).toContain('Custody healthcare contract award 2026');
    expect(main).toContain('Version 2');
    expect(await capture(page, 'decisions-list')).toEqual([]);
    await onPhone(page, 'decisions-list-390');
    expect(clerk.errors).toEqual([]);
  }, 120_000);

  it('refuses a meeting of another board and a stale edit, keeping what was typed; the screens are the board secretariat’s', async () => {
    const { jar } = await web.signIn(w.clerk.email);
    const form = await web.get(jar, `/staff/boards/${w.board.id}/decisions/new`);
    expect(form.statusCode).toBe(200);
    const res = await web.post(jar, `/staff/boards/${w.board.id}/decisions`, {
      _csrf: tokenIn(form.body),
      title: 'Estates strategy',
      decisionDate: '2026-04-01',
      decisionMaker: 'Police and Crime Commissioner',
      summary: 'Approved.',
      meetingId: '00000000-0000-4000-8000-000000000000',
      itemId: '',
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('The meeting must be one of this board’s.');
    expect(res.body).toContain('href="#decision-meetingId"');
    expect(res.body).toContain('value="Estates strategy"');

    // Two clerks edit the same draft: the second to save is told, and what they typed is kept.
    const draftId = /decisions\/([0-9a-f-]{36})/.exec(
      String(
        (
          await web.post(jar, `/staff/boards/${w.board.id}/decisions`, {
            _csrf: tokenIn(form.body),
            title: 'Estates strategy',
            decisionDate: '2026-04-01',
            decisionMaker: 'Police and Crime Commissioner',
            summary: 'Approved.',
            meetingId: '',
            itemId: '',
          })
        ).headers.location,
      ),
    )![1]!;
    const second = await web.signIn(w.clerk2.email);
    const pageA = await web.get(jar, `/staff/decisions/${draftId}`);
    const pageB = await web.get(second.jar, `/staff/decisions/${draftId}`);
    const edit = (j: typeof jar, html: string, title: string) =>
      web.post(j, `/staff/decisions/${draftId}`, {
        _csrf: tokenIn(html),
        version: /name="version" value="(\d+)"/.exec(html)![1]!,
        title,
        decisionDate: '2026-04-01',
        decisionMaker: 'Police and Crime Commissioner',
        summary: 'Approved.',
        meetingId: '',
        itemId: '',
      });
    expect((await edit(second.jar, pageB.body, 'Estates strategy 2026–2030')).statusCode).toBe(303);
    const stale = await edit(jar, pageA.body, 'Estates strategy (amended)');
    expect(stale.statusCode).toBe(412);
    expect(stale.body).toContain('Someone else changed this draft after you opened it.');
    expect(stale.body).toContain('value="Estates strategy (amended)"');
    expect((await edit(jar, stale.body, 'Estates strategy (amended)')).statusCode).toBe(303);
    const stored = await w.t.request({ method: 'GET', url: `/api/v1/decisions/${draftId}`, as: w.clerk });
    expect((stored.json() as { title: string }).title).toBe('Estates strategy (amended)');

    const other = await w.t.user({ roles: ['secretariat'], boards: [] });
    const outsider = await web.signIn(other.email);
    expect((await web.get(outsider.jar, `/staff/boards/${w.board.id}/decisions`)).statusCode).toBe(403);
    expect((await web.get(outsider.jar, `/staff/boards/${w.board.id}/decisions/new`)).statusCode).toBe(403);
    const officer = await web.signIn(w.officer.email);
    expect((await web.get(officer.jar, '/staff/decisions')).statusCode).toBe(403);
  });
});
