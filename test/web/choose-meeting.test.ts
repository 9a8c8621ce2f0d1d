/**
 * /staff/questions/new without a meeting (a bookmark, the address typed): the member is asked which
 * meeting the question is for, among those taking questions, instead of a validator's message; an
 * empty choice is explained, and the chosen meeting opens the question form.
 */
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting } from '../domain/meetings-fixtures.ts';
import { capture, launchBrowser, signIn } from './browser.ts';
import { type WebWorld, webWorld } from './fixtures.ts';

async function go(page: Page, selector: string) {
  const [response] = await Promise.all([page.waitForNavigation(), page.click(selector)]);
  return response;
}

describe('asking a question without a meeting in the address', () => {
  let w: WebWorld;
  let browser: Browser;
  let meetingId: string;

  beforeAll(async () => {
    [w, browser] = await Promise.all([webWorld(), launchBrowser()]);
    const nextYear = new Date().getUTCFullYear() + 1;
    meetingId = (await createMeeting(w.t, w.admin, w.board.id, { date: `${nextYear}-02-16` })).id;
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await w?.close();
  });

  it('asks which meeting, explains an empty choice, then opens the form for the one chosen', async () => {
    const member = await signIn(browser, w.baseUrl, w.member.email);
    const { page } = member;
    const res = await page.goto(`${w.baseUrl}/staff/questions/new`);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-type']).toMatch(/^text\/html/);
    expect(await page.$eval('h1', (el) => el.textContent)).toBe('Which meeting is your question for?');
    expect(await capture(page, 'choose-meeting')).toEqual([]);

    const empty = await go(page, 'main form button[type="submit"]');
    expect(empty?.status()).toBe(400);
    expect(await page.$eval('.error-summary', (el) => el.textContent)).toContain(
      'Choose the meeting your question is for',
    );
    expect(await capture(page, 'choose-meeting-error')).toEqual([]);

    await page.click(`input[value="${meetingId}"]`);
    const form = await go(page, 'main form button[type="submit"]');
    expect(form?.status()).toBe(200);
    expect(new URL(page.url()).searchParams.get('meeting')).toBe(meetingId);
    expect(await page.$('#text')).not.toBeNull();
    expect(member.errors).toEqual([]);
    await member.close();
  });
});
