/**
 * Chief officers and board members in a real Chromium: an officer sees only their organisation's
 * actions, adds an update with evidence and proposes completion; the secretariat sees it and closes
 * the action; the officer cannot reach the secretariat's screens. A member puts a question to a
 * meeting before its deadline, changes it, reads the answer, and cannot do so after the deadline.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINIMAL_PDF } from '../domain/meetings-fixtures.ts';
import { TEST_PASSWORD, type TestUser } from '../helpers/app.ts';
import { capture, fetchInPage, launchBrowser, signIn } from './browser.ts';
import type { El, Win } from './dom.ts';
import { type WebWorld, webWorld } from './fixtures.ts';

async function go(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

const text = (page: Page) => page.$eval('main', (el) => el.textContent ?? '');

describe('officers and members in the browser', () => {
  let w: WebWorld;
  let browser: Browser;
  let meetingId = '';
  let itemId = '';
  const actions: Record<'overdue' | 'later' | 'opcc', { id: string; text: string }> = {
    overdue: { id: '', text: 'WMP to provide the OPCC with data on Raneem’s Law once audited.' },
    later: { id: '', text: 'WMP to provide the OPCC with the Matrix used to assess risk.' },
    opcc: { id: '', text: 'OPCC to arrange a Victim Summit follow-up session.' },
  };

  const post = async (url: string, payload: Record<string, unknown>, as: TestUser = w.clerk) => {
    const res = await w.t.request({ method: 'POST', url, as, payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number; items: { id: string; title: string }[] };
  };

  beforeAll(async () => {
    [w, browser] = await Promise.all([webWorld(), launchBrowser()]);
    const meeting = await post('/api/v1/meetings', {
      boardId: w.board.id,
      date: '2026-03-24',
      startTime: '10:00',
      location: 'Lloyd House',
    });
    meetingId = meeting.id;
    itemId = meeting.items.find((i) => i.title === 'Chief Constable Update')!.id;
    const raise = async (key: keyof typeof actions, owner: string, dueDate: string) => {
      const created = await post(`/api/v1/meetings/${meetingId}/actions`, {
        text: actions[key].text,
        ownerOrganisationId: owner,
        itemId,
        dueDate,
      });
      actions[key].id = created.id;
    };
    await raise('later', w.wmp.id, '2027-06-30');
    await raise('overdue', w.wmp.id, '2026-04-28');
    await raise('opcc', w.opcc.id, '2026-04-28');
  });
  afterAll(async () => {
    await browser?.close();
    await w?.close();
  });

  it('signs in with the keyboard alone, skip link first', async () => {
    const context = await browser.createBrowserContext();
    try {
      const page = await context.newPage();
      await page.setBypassCSP(true);
      await page.goto(`${w.baseUrl}/login`);
      expect(await capture(page, '00-login')).toEqual([]);
      await page.keyboard.press('Tab');
      expect(
        await page.evaluate(
          () => (globalThis as unknown as Win).document.querySelector(':focus')?.textContent,
        ),
      ).toBe('Skip to main content');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      await page.keyboard.type(w.officer.email);
      await page.keyboard.press('Tab');
      await page.keyboard.type(TEST_PASSWORD);
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      expect(page.url()).toBe(`${w.baseUrl}/staff/my-actions`);
    } finally {
      await context.close();
    }
  });

  it('shows an officer their organisation’s actions only, overdue first, and takes their update', async () => {
    const officer = await signIn(browser, w.baseUrl, w.officer.email);
    const { page } = officer;
    expect(page.url()).toBe(`${w.baseUrl}/staff/my-actions`);
    const rows = await page.$$eval('tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain(actions.overdue.text);
    expect(rows[0]).toContain('Overdue');
    expect(rows[1]).toContain(actions.later.text);
    expect(await text(page)).not.toContain(actions.opcc.text);
    expect(await capture(page, '07-officer-my-actions')).toEqual([]);

    await go(page, `a[href="/staff/actions/${actions.later.id}"]`);
    const evidence = path.join(mkdtempSync(path.join(tmpdir(), 'boardroom-evidence-')), 'matrix.pdf');
    writeFileSync(evidence, MINIMAL_PDF);
    await page.type(
      '#update-text',
      'The Matrix has been drafted and goes to the Force Executive Team next week.',
    );
    const upload = (await page.$('#update-evidence')) as ElementHandle<never>;
    await upload.uploadFile(evidence);
    await go(page, '#update button[type="submit"]');
    expect(await page.$eval('.notification', (el) => el.textContent)).toContain('Your update has been added');
    expect(await page.$eval('.timeline', (el) => el.textContent)).toContain('matrix.pdf');

    await page.type('#propose-text', 'The Matrix was sent to the OPCC on 1 November.');
    await go(page, '#propose button[type="submit"]');
    expect(await text(page)).toContain('Completion proposed');
    expect(await capture(page, '08-officer-action')).toEqual([]);

    const download = await fetchInPage(
      page,
      await page.$eval('.timeline__evidence a', (a) => (a as unknown as El).href),
    );
    expect(download.status).toBe(200);
    expect(download.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(officer.errors).toEqual([]);
    await officer.close();
  });

  it('keeps officers out of the secretariat’s screens, with nothing of them shown', async () => {
    const officer = await signIn(browser, w.baseUrl, w.officer.email);
    const { page } = officer;
    for (const url of [
      `/staff/boards/${w.board.id}`,
      `/staff/boards/${w.board.id}/actions`,
      `/staff/boards/${w.board.id}/compliance`,
      `/staff/meetings/${meetingId}`,
      `/staff/meetings/${meetingId}/draft`,
      `/staff/meetings/${meetingId}/notes.pdf`,
    ]) {
      const res = await page.goto(`${w.baseUrl}${url}`);
      expect(res?.status(), url).toBe(403);
      const body = await page.$eval('body', (el) => el.textContent ?? '');
      expect(body).toContain('You do not have access to this page');
      for (const secret of [
        'Accountability and Governance Board',
        w.board.code,
        '24 March 2026',
        'Chief Constable Update',
      ]) {
        expect(body, `${url} shows ${secret}`).not.toContain(secret);
      }
    }
    expect(await capture(page, '09-officer-forbidden')).toEqual([]);
    const json = await fetchInPage(page, `/staff/api/meetings/${meetingId}/items/${itemId}/draft`);
    expect(json.status).toBe(403);
    expect(json.body.toString()).not.toContain('Chief Constable Update');
    // Another organisation's action does not exist for them.
    expect((await page.goto(`${w.baseUrl}/staff/actions/${actions.opcc.id}`))?.status()).toBe(404);
    await officer.close();
  });

  it('lets the secretariat see the update in the action log and close the action', async () => {
    const clerk = await signIn(browser, w.baseUrl, w.clerk.email);
    const { page } = clerk;
    await page.goto(`${w.baseUrl}/staff/boards/${w.board.id}/actions`);
    const row = await page.$eval(
      `tr:has(a[href="/staff/actions/${actions.later.id}"])`,
      (tr) => tr.textContent ?? '',
    );
    expect(row).toContain('Completion proposed');
    expect(row).toContain('The Matrix was sent to the OPCC on 1 November.');
    expect(await capture(page, '10-secretariat-action-log')).toEqual([]);

    await page.select('#filter-owner', w.opcc.id);
    await go(page, '.filters button[type="submit"]');
    const filtered = await page.$$eval('tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(filtered).toHaveLength(1);
    expect(filtered[0]).toContain(actions.opcc.text);

    await page.goto(`${w.baseUrl}/staff/actions/${actions.later.id}`);
    expect(await page.$eval('.timeline', (el) => el.textContent)).toContain('The Matrix has been drafted');
    await page.type('#close-note', 'Received and reviewed by the OPCC: complete.');
    await go(page, '#close button[type="submit"]');
    expect(await page.$eval('.notification', (el) => el.textContent)).toContain('closed');
    expect(await capture(page, '11-secretariat-action-closed')).toEqual([]);

    // Reassigning is logged where the owner sees it.
    await page.goto(`${w.baseUrl}/staff/actions/${actions.overdue.id}`);
    await page.select('#reassign-ownerOrganisationId', w.opcc.id);
    await go(page, '#reassign button[type="submit"]');
    expect(await page.$eval('.timeline', (el) => el.textContent)).toContain('Reassigned from WMP to OPCC');

    // What the Specified Information Order asks to be published, and what is missing or late.
    await page.goto(`${w.baseUrl}/staff/boards/${w.board.id}`);
    await go(page, `a[href="/staff/boards/${w.board.id}/compliance"]`);
    expect(await page.$eval('h1', (el) => el.textContent)).toBe('Publication compliance');
    expect(await page.$eval(`#meeting-${meetingId}`, (el) => el.textContent ?? '')).toContain('Missing');
    expect(await capture(page, '10b-secretariat-compliance')).toEqual([]);

    // The board's standing items, for the meetings to come.
    await page.goto(`${w.baseUrl}/staff/boards/${w.board.id}`);
    await page.type('#title-7', 'Any other business');
    await page.select('#kind-7', 'aob');
    await go(page, '#settings button[type="submit"]');
    expect(await page.$eval('.notification', (el) => el.textContent)).toContain(
      'standing items have been saved',
    );
    const board = await w.t.request({ method: 'GET', url: `/api/v1/boards/${w.board.id}`, as: w.clerk });
    expect(
      (board.json() as { standingItems: { title: string; kind: string }[] }).standingItems.at(-1),
    ).toEqual({
      title: 'Any other business',
      kind: 'aob',
    });
    expect(clerk.errors).toEqual([]);
    await clerk.close();

    const officer = await signIn(browser, w.baseUrl, w.officer.email);
    await officer.page.goto(`${w.baseUrl}/staff/actions/${actions.later.id}`);
    const history = await officer.page.$eval('.timeline', (el) => el.textContent ?? '');
    expect(history).toContain('Closed by the secretariat');
    expect(history).toContain('Received and reviewed by the OPCC: complete.');
    await officer.page.goto(`${w.baseUrl}/staff/my-actions`);
    expect(await text(officer.page)).not.toContain(actions.later.text);
    expect(await text(officer.page)).not.toContain(actions.overdue.text);
    await officer.close();
  });

  it('lets a member put a question before the deadline, and not after it', async () => {
    const open = await post('/api/v1/meetings', {
      boardId: w.board.id,
      date: '2027-01-19',
      startTime: '10:00',
      location: 'Lloyd House',
    });
    const closed = await post('/api/v1/meetings', {
      boardId: w.board.id,
      date: '2026-12-15',
      startTime: '10:00',
      location: 'Lloyd House',
      questionDeadline: '2026-11-01T12:00:00Z',
    });
    // An exempt item the board lists by title: members read its title, but file no questions under it.
    await post(`/api/v1/meetings/${open.id}/agenda`, {
      title: 'Covert tactics (exempt)',
      confidentiality: 'exempt',
      exemptReason: 'Paragraph 7',
    });
    const member = await signIn(browser, w.baseUrl, w.member.email);
    const { page } = member;
    expect(page.url()).toBe(`${w.baseUrl}/staff/questions`);
    const taking = await page.$eval('section[aria-labelledby="open-heading"]', (el) => el.textContent ?? '');
    expect(taking).toContain('Tuesday 19 January 2027');
    expect(taking).not.toContain('Tuesday 15 December 2026');
    expect(await capture(page, '12-member-questions')).toEqual([]);

    await go(page, `a[href="/staff/questions/new?meeting=${open.id}"]`);
    expect(await text(page)).not.toContain('Covert tactics');
    await page.type('#text', 'How many officers were trained in domestic abuse this year?');
    expect(await capture(page, '13-member-ask')).toEqual([]);
    await go(page, 'main form button[type="submit"]');
    expect(await page.$eval('.notification', (el) => el.textContent)).toContain('sent');

    await go(page, 'a::-p-text(Change or withdraw)');
    await page.$eval('#text', (el) => {
      (el as unknown as El).value = '';
    });
    await page.type('#text', 'How many officers and staff were trained in domestic abuse this year?');
    await go(page, 'main form button.button:not(.button--warning)');
    expect(await text(page)).toContain('How many officers and staff were trained');

    // After the deadline: no form, and a post made anyway is refused.
    const res = await page.goto(`${w.baseUrl}/staff/questions/new?meeting=${closed.id}`);
    expect(res?.status()).toBe(200);
    expect(await page.$('#text')).toBeNull();
    expect(await text(page)).toContain('The deadline for questions to this meeting passed');
    expect(await capture(page, '14-member-deadline-passed')).toEqual([]);
    const status = await page.evaluate(async (meeting) => {
      const { document } = globalThis as unknown as Win;
      const token = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';
      const body = new URLSearchParams({ _csrf: token, meetingId: meeting, text: 'Too late?' });
      return (await fetch('/staff/questions', { method: 'POST', body })).status;
    }, closed.id);
    expect(status).toBe(409);
    const late = await w.t.request({
      method: 'GET',
      url: `/api/v1/meetings/${closed.id}/questions`,
      as: w.clerk,
    });
    expect((late.json() as { items: unknown[] }).items).toHaveLength(0);

    // The secretariat answers; the member reads the answer.
    const list = await w.t.request({
      method: 'GET',
      url: `/api/v1/meetings/${open.id}/questions`,
      as: w.clerk,
    });
    const question = (list.json() as { items: { id: string; version: number }[] }).items[0]!;
    const answered = await w.t.request({
      method: 'PATCH',
      url: `/api/v1/questions/${question.id}`,
      as: w.clerk,
      headers: { 'if-match': `W/"${question.id}:${question.version}"` },
      payload: { answerBullets: ['412 officers and staff completed the training.'] },
    });
    expect(answered.statusCode, answered.body).toBe(200);
    await page.goto(`${w.baseUrl}/staff/questions`);
    expect(await page.$eval('section[aria-labelledby="answered-heading"]', (el) => el.textContent)).toContain(
      '412 officers and staff completed the training.',
    );
    expect(member.errors).toEqual([]);
    await member.close();
  });
});
