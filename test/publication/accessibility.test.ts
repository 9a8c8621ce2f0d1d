/**
 * The public website in a real Chromium: every page passes axe-core (WCAG 2.0/2.1/2.2 A and AA, and
 * best practice: landmarks, one h1, heading order) with no violations, works with JavaScript off,
 * and prints without the site's navigation. Published PDFs are tagged and titled.
 */
import { createRequire } from 'node:module';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumLaunchOptions } from '../../src/documents/render/chromium-launch.ts';
import { createBoard, createMeeting } from '../domain/meetings-fixtures.ts';
import { createTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { testChromiumPath } from '../render/chromium-for-tests.ts';
import { inspectPdf } from '../render/pdf-inspect.ts';
import { buildPublishedMeeting, ok, type PublishedMeeting, post } from './fixtures.ts';

// The functions passed to page.evaluate run in the browser; the tests' TypeScript has no DOM library.
declare const document: {
  querySelectorAll(selector: string): { length: number };
  querySelector(selector: string): unknown;
  documentElement: { lang: string };
  title: string;
};
declare function getComputedStyle(element: unknown): { display: string };

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[]; failureSummary: string }[];
}

describe('public website: accessibility, no-JavaScript and print', () => {
  let t: TestApp;
  let admin: TestUser;
  let fx: PublishedMeeting;
  let base: string;
  let browser: Browser;
  let pages: string[];
  let pagedBoardId: string;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user({ roles: ['admin'] });
    fx = await buildPublishedMeeting(t, admin);
    // A second version of the notes and of the decision, so the "what changed" pages exist.
    await ok(
      await post(t, admin, `/api/v1/meetings/${fx.meetingId}/notes/corrections`, { reason: 'Added a point' }),
    );
    const agenda = (
      await t.request({ method: 'GET', url: `/api/v1/meetings/${fx.meetingId}/agenda`, as: admin })
    ).json() as {
      items: { id: string; title: string; version: number; bodyHtml: string }[];
    };
    const pcc = agenda.items.find((i) => i.title === 'PCC Update')!;
    await ok(
      await t.request({
        method: 'PATCH',
        url: `/api/v1/agenda-items/${pcc.id}`,
        as: admin,
        headers: { 'if-match': `W/"${pcc.id}:${pcc.version}"` },
        payload: { bodyHtml: `${pcc.bodyHtml}<p>The PCC thanked the officers who policed the marathon.</p>` },
      }),
    );
    await ok(await post(t, admin, `/api/v1/meetings/${fx.meetingId}/notes/publish`));
    await ok(
      await post(t, admin, `/api/v1/decisions/${fx.publishedDecisionId}/corrections`, {
        reason: 'The funding runs to March 2028',
        summary: 'The Commissioner approved the allocation of £5 million.\n\nThe funding runs to March 2028.',
      }),
    );
    // A board with more past meetings than fit on a page (50), for the pages' nav.
    pagedBoardId = (await createBoard(t, admin, { name: 'Ethics Committee' })).id;
    for (let i = 0; i < 51; i += 1) {
      const date = new Date(Date.UTC(2019, 0, 1 + i * 7)).toISOString().slice(0, 10);
      await createMeeting(t, admin, pagedBoardId, { date });
    }
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await puppeteer.launch(chromiumLaunchOptions(testChromiumPath()));
    pages = [
      '/',
      `/boards/${fx.boardId}`,
      `/boards/${fx.boardId}/actions`,
      `/boards/${fx.boardId}/actions?status=overdue&owner=${fx.wmpId}`,
      // Long lists page by page: first page (Next), last (Previous), past the last (a link back).
      `/boards/${pagedBoardId}`,
      `/boards/${pagedBoardId}?page=2`,
      `/boards/${pagedBoardId}?page=3`,
      `/boards/${fx.boardId}/actions?status=open&page=2`,
      '/decisions?page=2',
      `/meetings/${fx.meetingId}`,
      `/meetings/${fx.laterMeetingId}`,
      `/meetings/${fx.upcomingMeetingId}`,
      `/meetings/${fx.meetingId}/notes`,
      `/meetings/${fx.meetingId}/notes/versions/1`,
      `/meetings/${fx.meetingId}/notes/changes?from=1&to=2`,
      `/actions/${fx.publicActionId}`,
      '/decisions',
      `/decisions/${fx.publishedDecisionId}`,
      `/decisions/${fx.publishedDecisionId}/versions/1`,
      `/decisions/${fx.publishedDecisionId}/changes?from=1&to=2`,
      '/search',
      '/search?q=domestic+abuse',
      '/search?q=nothingmatchesthis',
      '/accessibility',
      '/open-data',
      '/meetings/00000000-0000-4000-8000-000000000000',
    ];
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function open(path: string, opts: { javascript?: boolean } = {}): Promise<Page> {
    const page = await browser.newPage();
    // The pages' CSP allows only same-origin scripts; axe is injected by the test, not by the site.
    await page.setBypassCSP(true);
    await page.setJavaScriptEnabled(opts.javascript ?? true);
    const res = await page.goto(base + path, { waitUntil: 'load' });
    expect(res?.status(), path).toBe(path.startsWith('/meetings/0000') ? 404 : 200);
    return page;
  }

  it('every page: axe-core finds no violations', async () => {
    const found: string[] = [];
    for (const path of pages) {
      const page = await open(path);
      try {
        await page.addScriptTag({ path: AXE });
        const { violations, passes } = (await page.evaluate(async () => {
          const axe = (
            globalThis as unknown as {
              axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> };
            }
          ).axe;
          const result = await axe.run(document, {
            runOnly: {
              type: 'tag',
              values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'],
            },
          });
          return {
            violations: result.violations,
            passes: (result as unknown as { passes: unknown[] }).passes.length,
          };
        })) as { violations: AxeViolation[]; passes: number };
        // axe ran and checked something (a broken injection would pass vacuously).
        expect(passes, path).toBeGreaterThan(20);
        for (const v of violations) {
          found.push(
            `${path}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          );
        }
      } finally {
        await page.close();
      }
    }
    expect(found).toEqual([]);
  });

  it('every page has one h1, a main landmark, a banner, navigation and a footer', async () => {
    for (const path of pages) {
      const page = await open(path, { javascript: false });
      try {
        const shape = await page.evaluate(() => ({
          h1: document.querySelectorAll('h1').length,
          main: document.querySelectorAll('main').length,
          header: document.querySelectorAll('body > header').length,
          nav: document.querySelectorAll('nav').length,
          footer: document.querySelectorAll('body > footer').length,
          lang: document.documentElement.lang,
          title: document.title,
        }));
        expect(shape, path).toMatchObject({ h1: 1, main: 1, header: 1, footer: 1, lang: 'en-GB' });
        expect(shape.nav, path).toBeGreaterThanOrEqual(1);
        expect(shape.title, path).toMatch(/ – /);
      } finally {
        await page.close();
      }
    }
  });

  it('works without JavaScript: the tracker filters and search are plain forms', async () => {
    const page = await open(`/boards/${fx.boardId}/actions`, { javascript: false });
    try {
      await page.click('#status-open');
      await Promise.all([page.waitForNavigation(), page.click('form.filters button[type=submit]')]);
      expect(page.url()).toContain('status=open');
      expect(await page.$eval('h2#results-heading', (h) => h.textContent)).toBe('1 open action');
      await page.goto(`${base}/search`);
      await page.type('#q', 'domestic abuse');
      await Promise.all([page.waitForNavigation(), page.click('form.search-box button')]);
      expect(page.url()).toContain('q=domestic+abuse');
      expect(await page.$$eval('.results__item', (items) => items.length)).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });

  it('works without JavaScript: the pages of a long list are plain links that land on the list', async () => {
    const page = await open(`/boards/${pagedBoardId}`, { javascript: false });
    const nav = 'nav[aria-label="Pages of past meetings"]';
    try {
      expect(await page.$eval(`${nav} .pagination__status`, (p) => p.textContent)).toBe(
        'Page 1 of 2, showing 1 to 50 of 51 past meetings',
      );
      await Promise.all([page.waitForNavigation(), page.click(`${nav} a[rel=next]`)]);
      expect(page.url()).toBe(`${base}/boards/${pagedBoardId}?page=2#past`);
      expect(await page.$$eval('#past ~ table tbody tr', (rows) => rows.length)).toBe(1);
      await Promise.all([page.waitForNavigation(), page.click(`${nav} a[rel=prev]`)]);
      expect(page.url()).toBe(`${base}/boards/${pagedBoardId}#past`);
    } finally {
      await page.close();
    }
  });

  it('prints the content without the site navigation, footer or forms', async () => {
    for (const path of [
      `/meetings/${fx.meetingId}`,
      `/meetings/${fx.meetingId}/notes`,
      `/boards/${fx.boardId}/actions`,
    ]) {
      const page = await open(path);
      try {
        await page.emulateMediaType('print');
        const shown = await page.evaluate(() => {
          const visible = (selector: string) => {
            const el = document.querySelector(selector);
            return el ? getComputedStyle(el).display !== 'none' : null;
          };
          return {
            nav: visible('.header__nav'),
            footer: visible('.footer'),
            filters: visible('.filters'),
            main: visible('main'),
            h1: visible('h1'),
          };
        });
        expect(shown, path).toMatchObject({ nav: false, footer: false, main: true, h1: true });
        expect(shown.filters === null || shown.filters === false, path).toBe(true);
        const pdf = await page.pdf({ format: 'A4' });
        expect((await inspectPdf(pdf)).text, path).not.toContain('Open data');
      } finally {
        await page.close();
      }
    }
  });

  it('published PDFs are tagged, titled and have bookmarks', async () => {
    for (const url of [
      `/public/v1/meetings/${fx.meetingId}/notes/versions/2/pdf`,
      `/public/v1/decisions/${fx.publishedDecisionId}/versions/2/pdf`,
    ]) {
      const res = await t.request({ method: 'GET', url });
      const pdf = await inspectPdf(res.rawPayload);
      expect(pdf.marked, url).toBe(true);
      expect(pdf.hasStructTree, url).toBe(true);
      expect(String(pdf.info.Title ?? ''), url).not.toBe('');
      expect(pdf.outline.length, url).toBeGreaterThan(0);
    }
  });
});
