/**
 * Driving the staff workspace in a real Chromium: the app listening on a free port, one browser per
 * test file, one incognito context per person, and helpers to sign in, take screenshots (into
 * test-output/screens, git-ignored) and check pages with axe-core.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import puppeteer, { type Browser, type BrowserContext, type Page } from 'puppeteer-core';
import { chromiumLaunchOptions } from '../../src/documents/render/chromium-launch.ts';
import { TEST_PASSWORD } from '../helpers/app.ts';
import { testChromiumPath } from '../render/chromium-for-tests.ts';
import type { El, Win } from './dom.ts';

export const SCREENS_DIR = path.resolve('test-output/screens');
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export async function launchBrowser(): Promise<Browser> {
  return puppeteer.launch({
    // British dates and times in the date and time inputs, as the secretariat sees them.
    ...chromiumLaunchOptions(testChromiumPath(), ['--lang=en-GB']),
    defaultViewport: { width: 1366, height: 900 },
  });
}

export interface Session {
  page: Page;
  context: BrowserContext;
  /** Script errors and console errors seen on this person's pages: a test expects none. */
  errors: string[];
  close(): Promise<void>;
}

/** A new incognito context (its own cookies and local storage) signed in as this person. */
export async function signIn(browser: Browser, baseUrl: string, email: string): Promise<Session> {
  const context = await browser.createBrowserContext();
  const errors: string[] = [];
  const session: Session = {
    page: await watchedPage(context, errors),
    context,
    errors,
    close: () => context.close(),
  };
  const { page } = session;
  await page.goto(`${baseUrl}/login`);
  await page.type('#email', email);
  await page.type('#password', TEST_PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('button[type="submit"].button')]);
  return session;
}

/** Another tab of the same person (same cookies and local storage), watched for errors like the first. */
export async function newTab(session: Session): Promise<Page> {
  session.page = await watchedPage(session.context, session.errors);
  return session.page;
}

async function watchedPage(context: BrowserContext, errors: string[]): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (err) => errors.push(`page error: ${(err as Error).message}`));
  page.on('console', (message) => {
    // A 4xx the page expects (400 on a form sent back with its errors, 412 on a clash, 403 on a
    // refused screen), and requests made while the test has taken the network away, are logged by
    // Chromium: not errors of ours.
    const expected = /status of (400|403|404|409|412)|ERR_INTERNET_DISCONNECTED/;
    if (message.type() === 'error' && !expected.test(message.text())) {
      errors.push(`console: ${message.text()}`);
    }
  });
  // axe-core is injected as a script; the pages' CSP (rightly) forbids that, so tests bypass it.
  await page.setBypassCSP(true);
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  // From the top, so sticky toolbars sit where a person would see them.
  await page.evaluate(() => (globalThis as unknown as Win).scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`) as `${string}.png`, fullPage: true });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core's violations of WCAG 2.2 A/AA (and best practice) on the page as it is now, as readable lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const page = globalThis as unknown as Win & {
      axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown[] }> };
    };
    const result = await page.axe.run(page.document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
      resultTypes: ['violations'],
    });
    return result.violations;
  });
  return (violations as AxeViolation[]).map(
    (v) => `${v.id} (${v.impact}): ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** Screenshot and accessibility check of the page as it is now. */
export async function capture(page: Page, name: string): Promise<string[]> {
  await screenshot(page, name);
  return axeViolations(page);
}

/** Sets a date or time input the way a person's picker would, whatever the browser's locale. */
export async function setValue(page: Page, selector: string, value: string): Promise<void> {
  await page.$eval(
    selector,
    (el, v) => {
      const input = el as unknown as El;
      const { Event } = globalThis as unknown as Win;
      input.value = v;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    value,
  );
}

export async function waitForSaved(page: Page): Promise<void> {
  await page.waitForSelector('#save-status[data-state="saved"]', { timeout: 20_000 });
}

/** Presses Alt+<key> (by physical key, as the page listens for event.code). */
export async function alt(
  page: Page,
  code: 'KeyQ' | 'KeyB' | 'KeyA' | 'KeyS' | 'KeyN' | 'KeyP',
): Promise<void> {
  await page.keyboard.down('Alt');
  await page.keyboard.press(code);
  await page.keyboard.up('Alt');
}

/** The response of a GET in the page's session (cookies included), as status and bytes. */
export async function fetchInPage(page: Page, url: string): Promise<{ status: number; body: Buffer }> {
  const result = await page.evaluate(async (target) => {
    const response = await fetch(target, { credentials: 'same-origin' });
    const bytes = new Uint8Array(await response.arrayBuffer());
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return { status: response.status, base64: btoa(binary) };
  }, url);
  return { status: result.status, body: Buffer.from(result.base64, 'base64') };
}
