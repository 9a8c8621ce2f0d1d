import type { Page } from 'puppeteer-core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type BrowserPool,
  type BrowserPoolOptions,
  createBrowserPool,
} from '../../src/documents/render/browser-pool.ts';
import { createDocumentRenderer } from '../../src/documents/render/document-renderer.ts';
import {
  BrowserCrashedError,
  BrowserPoolClosedError,
  RenderTimeoutError,
} from '../../src/documents/render/render-errors.ts';
import { createTemplateEngine } from '../../src/documents/render/templates.ts';
import { liveChromiumProcesses, testChromiumPath } from './chromium-for-tests.ts';
import { longNotes, referenceNotes } from './fixtures.ts';
import { inspectLastPage, inspectPdf } from './pdf-inspect.ts';

const engine = createTemplateEngine();
const pools: BrowserPool[] = [];

async function openPool(options: Omit<BrowserPoolOptions, 'executablePath'> = {}): Promise<BrowserPool> {
  const pool = await createBrowserPool({ executablePath: testChromiumPath(), poolSize: 1, ...options });
  pools.push(pool);
  return pool;
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()));
});

async function renderSmall(pool: BrowserPool): Promise<Page> {
  const { value } = await pool.withPage(async (page) => {
    await page.setContent('<p>small</p>', { waitUntil: 'load' });
    await page.pdf({ format: 'A4' });
    return page;
  });
  return value;
}

describe('browser pool', () => {
  it('reuses a warm page and recycles it after maxRendersPerPage renders', async () => {
    const pool = await openPool({ maxRendersPerPage: 2 });
    const pages: Page[] = [];
    for (let i = 0; i < 5; i += 1) pages.push(await renderSmall(pool));

    const [first, second, third, fourth, fifth] = pages;
    expect(second).toBe(first);
    expect(third).not.toBe(second);
    expect(fourth).toBe(third);
    expect(fifth).not.toBe(fourth);
    expect(first?.isClosed()).toBe(true);
    expect(pool.stats()).toMatchObject({ renders: 5, pagesCreated: 3, pagesRecycled: 2, browserLaunches: 1 });
  });

  it('runs at most poolSize renders at once and queues the rest', async () => {
    const pool = await openPool({ poolSize: 2 });
    let running = 0;
    let mostAtOnce = 0;
    await Promise.all(
      Array.from({ length: 6 }, () =>
        pool.withPage(async (page) => {
          running += 1;
          mostAtOnce = Math.max(mostAtOnce, running);
          await page.setContent('<p>queued</p>', { waitUntil: 'load' });
          await new Promise((resolve) => setTimeout(resolve, 50));
          running -= 1;
        }),
      ),
    );
    expect(mostAtOnce).toBe(2);
  });

  it('rejects the render during which Chromium is killed, then relaunches for the next one', async () => {
    const pool = await openPool();
    const killedPid = pool.browserPid();
    if (killedPid === null) throw new Error('no browser running');

    const doomed = pool.withPage(async (page) => {
      await page.setContent('<p>about to crash</p>', { waitUntil: 'load' });
      process.kill(killedPid, 'SIGKILL');
      return page.pdf({ format: 'A4' });
    });
    await expect(doomed).rejects.toBeInstanceOf(BrowserCrashedError);

    const renderer = createDocumentRenderer({ pool, engine });
    const next = await renderer.renderNotes(referenceNotes());
    expect((await inspectPdf(next.pdf)).pageCount).toBeGreaterThan(1);
    expect(pool.browserPid()).not.toBe(killedPid);
    expect(pool.stats()).toMatchObject({ browserLaunches: 2, browserCrashes: 1 });
    expect(liveChromiumProcesses([killedPid]).filter((p) => p.pgrp === killedPid)).toEqual([]);
  });

  it('renders a 300-page document within the render deadline', async () => {
    const pool = await openPool({ renderTimeoutMs: 50_000 });
    const renderer = createDocumentRenderer({ pool, engine });
    const rendered = await renderer.renderNotes(longNotes(20));
    const { pageCount, lastPageText } = await inspectLastPage(rendered.pdf);
    expect(pageCount).toBeGreaterThanOrEqual(300);
    expect(lastPageText).toContain(`Page ${pageCount} of ${pageCount}`);
  });

  it('fails a render that overruns its deadline cleanly and keeps serving', async () => {
    const pool = await openPool();
    const renderer = createDocumentRenderer({ pool, engine });
    const html = renderer.renderNotesHtml(referenceNotes());

    const late = pool.withPage(
      async (page) => {
        await page.setContent(html, { waitUntil: 'load' });
        return page.pdf({ format: 'A4', tagged: true, outline: true });
      },
      { timeoutMs: 20 },
    );
    await expect(late).rejects.toBeInstanceOf(RenderTimeoutError);

    const next = await renderer.renderNotes(referenceNotes());
    expect((await inspectPdf(next.pdf)).pageCount).toBeGreaterThan(1);
    expect(pool.stats()).toMatchObject({ timedOutRenders: 1, browserLaunches: 1, browserCrashes: 0 });
  });

  it('finishes in-flight renders on close(), then leaves no Chromium process behind', async () => {
    const pool = await openPool();
    const pid = pool.browserPid();
    if (pid === null) throw new Error('no browser running');
    const inFlight = renderSmall(pool);

    await pool.close();
    await expect(inFlight).resolves.toBeDefined();
    expect(liveChromiumProcesses([pid])).toEqual([]);
    expect(pool.browserPid()).toBeNull();
    await expect(renderSmall(pool)).rejects.toBeInstanceOf(BrowserPoolClosedError);
  });

  it('kills Chromium when it does not answer close()', async () => {
    const pool = await openPool({ closeTimeoutMs: 500 });
    const pid = pool.browserPid();
    if (pid === null) throw new Error('no browser running');
    // A stopped process cannot answer Browser.close; only SIGKILL reaches it.
    process.kill(pid, 'SIGSTOP');

    const started = performance.now();
    await pool.close();
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(liveChromiumProcesses([pid])).toEqual([]);
  });
});
