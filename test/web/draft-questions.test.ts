/**
 * The drafting screen's questions and item settings, in a real Chromium: moving questions up and
 * down from the keyboard (renumbered, focus kept on the button), deleting one after a confirmation
 * that refuses a question changed meanwhile, the same without JavaScript, and choosing who can read
 * an item when adding it and while drafting it.
 */
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting } from '../domain/meetings-fixtures.ts';
import { capture, launchBrowser, type Session, signIn } from './browser.ts';
import type { El } from './dom.ts';
import { type WebWorld, webWorld } from './fixtures.ts';
import { tokenIn, webClient } from './web-client.ts';

const TEXTS = ['First: dogs?', 'Second: drones?', 'Third: elections?'];

async function go(page: Page, action: () => Promise<unknown>): Promise<void> {
  await Promise.all([page.waitForNavigation(), action()]);
}

/** The questions as the page lists them: label and text. */
function listed(page: Page) {
  return page.$$eval('#question-list .question-block', (els) =>
    els.map((el) => ({
      label: el.querySelector('legend')?.textContent?.trim(),
      text: (el.querySelector('[data-field="text"]') as unknown as El | null)?.value,
    })),
  );
}

/** Where the keyboard is (once the page has put it on a move button): data-move and the question's id. */
async function focused(page: Page) {
  await page
    .waitForFunction(
      () =>
        (
          globalThis as unknown as { document: { activeElement: El | null } }
        ).document.activeElement?.getAttribute('data-move'),
      { timeout: 3000 },
    )
    .catch(() => undefined);
  return page.evaluate(() => {
    const el = (
      globalThis as unknown as { document: { activeElement: El & { closest(s: string): El | null } } }
    ).document.activeElement;
    return {
      move: el.getAttribute('data-move'),
      question: el.closest('.question-block')?.getAttribute('id'),
    };
  });
}

describe('questions and item settings on the drafting screen', () => {
  let w: WebWorld;
  let browser: Browser;
  let clerk: Session;
  let page: Page;
  let meetingId = '';
  let questionsItem = '';
  let updateItem = '';
  const ids: string[] = [];

  beforeAll(async () => {
    [w, browser] = await Promise.all([webWorld(), launchBrowser()]);
    const meeting = await createMeeting(w.t, w.clerk, w.board.id, { date: '2026-05-26' });
    meetingId = meeting.id;
    questionsItem = meeting.items.find((i) => i.title === 'Questions from AGB members')!.id;
    updateItem = meeting.items.find((i) => i.title === 'PCC Update')!.id;
    for (const text of TEXTS) {
      const res = await w.t.request({
        method: 'POST',
        url: `/api/v1/meetings/${meetingId}/questions`,
        as: w.clerk,
        payload: {
          source: 'pre_submitted',
          itemId: questionsItem,
          text,
          answerBullets: [`Answer to ${text}`],
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    clerk = await signIn(browser, w.baseUrl, w.clerk.email);
    page = clerk.page;
  });
  afterAll(async () => {
    await browser?.close();
    await w?.close();
  });

  const draftUrl = (itemId: string) => `${w.baseUrl}/staff/meetings/${meetingId}/draft?item=${itemId}`;
  const apiQuestions = async () =>
    (await w.t.request({ method: 'GET', url: `/api/v1/meetings/${meetingId}/questions`, as: w.clerk })).json()
      .items as { id: string; number: number | null; text: string; version: number }[];

  it('moves a question down and up from the keyboard, renumbering, with focus kept on the button', async () => {
    await page.goto(draftUrl(questionsItem));
    expect(await page.$$eval(`#question-${ids[0]} [data-move]`, (els) => els.length)).toBe(1);
    expect(await capture(page, '10-draft-question-controls')).toEqual([]);

    // Something typed a moment before moving is saved first, not lost.
    await page.click(`#q-${ids[0]}-answer`);
    await page.keyboard.press('End');
    await page.keyboard.type(' (typed just before moving)');
    await page.focus(`#question-${ids[0]} [data-move="down"]`);
    await go(page, () => page.keyboard.press('Enter'));
    expect(await listed(page)).toEqual([
      { label: 'Question 1', text: TEXTS[1] },
      { label: 'Question 2', text: TEXTS[0] },
      { label: 'Question 3', text: TEXTS[2] },
    ]);
    expect(await page.$eval('.notification', (el) => el.textContent)).toContain('moved down');
    expect(await focused(page)).toEqual({ move: 'down', question: `question-${ids[0]}` });
    expect(await page.$eval(`#q-${ids[0]}-answer`, (el) => (el as unknown as El).value)).toContain(
      'typed just before moving',
    );

    // Pressed again where the focus was left: it goes on down, to the end.
    await go(page, () => page.keyboard.press('Enter'));
    expect((await listed(page)).map((q) => q.text)).toEqual([TEXTS[1], TEXTS[2], TEXTS[0]]);
    expect(await page.$(`#question-${ids[0]} [data-move="down"]`)).toBeNull();
    expect(await focused(page)).toEqual({ move: 'up', question: `question-${ids[0]}` });
    await go(page, () => page.keyboard.press('Enter'));
    expect((await listed(page)).map((q) => q.text)).toEqual([TEXTS[1], TEXTS[0], TEXTS[2]]);
    expect((await apiQuestions()).map((q) => [q.number, q.text])).toEqual([
      [1, TEXTS[1]],
      [2, TEXTS[0]],
      [3, TEXTS[2]],
    ]);
    expect(await capture(page, '11-draft-question-moved')).toEqual([]);
    expect(clerk.errors).toEqual([]);
  });

  it('deletes a question after confirming, but not one someone changed meanwhile', async () => {
    await go(page, () => page.click(`#question-${ids[2]} a[href*="/delete"]`));
    expect(await page.$eval('h1', (el) => el.textContent)).toBe('Delete Question 3?');
    expect(await page.$eval('main', (el) => el.textContent)).toContain(TEXTS[2]);
    expect(await capture(page, '12-confirm-delete-question')).toEqual([]);

    // A colleague edits it while the confirmation is open.
    const before = (await apiQuestions()).find((q) => q.id === ids[2])!;
    const edit = await w.t.request({
      method: 'PATCH',
      url: `/api/v1/questions/${ids[2]}`,
      as: w.clerk2,
      payload: { text: 'Third, reworded: elections?' },
      headers: { 'if-match': `W/"${ids[2]}:${before.version}"` },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    await go(page, () => page.click('button::-p-text(Delete the question)'));
    expect(await page.$eval('[role="alert"]', (el) => el.textContent)).toContain('Someone else changed');
    expect(await page.$eval('main', (el) => el.textContent)).toContain('Third, reworded');
    expect((await apiQuestions()).map((q) => q.id)).toContain(ids[2]);
    expect(await capture(page, '13-confirm-delete-question-changed')).toEqual([]);

    await go(page, () => page.click('button::-p-text(Delete the question)'));
    expect(page.url()).toContain(`item=${questionsItem}`);
    expect(await page.$eval('.notification', (el) => el.textContent)).toContain('question has been deleted');
    expect((await listed(page)).map((q) => q.text)).toEqual([TEXTS[1], TEXTS[0]]);
    expect((await apiQuestions()).map((q) => q.id)).not.toContain(ids[2]);
    const audit = await w.t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', ids[2]!)
      .where('action', '=', 'question.delete')
      .execute();
    expect(audit).toHaveLength(1);
    expect(clerk.errors).toEqual([]);
  });

  it('moves and deletes without JavaScript', async () => {
    const plain = await signIn(browser, w.baseUrl, w.clerk2.email);
    try {
      await plain.page.setJavaScriptEnabled(false);
      await plain.page.goto(draftUrl(questionsItem));
      await go(plain.page, () => plain.page.click(`#question-${ids[0]} [data-move="up"]`));
      expect((await listed(plain.page)).map((q) => q.label)).toEqual(['Question 1', 'Question 2']);
      expect((await listed(plain.page)).map((q) => q.text)).toEqual([TEXTS[0], TEXTS[1]]);
      await go(plain.page, () => plain.page.click(`#question-${ids[1]} a[href*="/delete"]`));
      await go(plain.page, () => plain.page.click('a::-p-text(Cancel)'));
      expect((await listed(plain.page)).map((q) => q.text)).toEqual([TEXTS[0], TEXTS[1]]);
    } finally {
      await plain.close();
    }
  });

  it('gives a question added with the script its controls at once; deleting one renumbers the rest', async () => {
    await page.goto(draftUrl(questionsItem));
    await page.click('#add-question');
    const added = '#question-list > .question-block:last-child';
    await page.type(`${added} [data-field="text"]`, 'Fourth: knife crime?');
    // Saved by itself within a few seconds: then Move up and Delete appear, with no reload.
    await page.waitForSelector(`${added} [data-move="up"]`, { timeout: 20_000 });
    const controls = (selector: string) =>
      page.$eval(selector, (el) =>
        [...el.querySelectorAll('[data-question-controls] button, [data-question-controls] a')].map((c) =>
          c.textContent?.trim(),
        ),
      );
    expect(await controls(added)).toEqual(['Move up Question 3', 'Delete Question 3']);
    // The question that was last can now move down.
    expect(await controls(`#question-${ids[1]}`)).toEqual([
      'Move up Question 2',
      'Move down Question 2',
      'Delete Question 2',
    ]);
    const newId = await page.$eval(added, (el) => el.getAttribute('data-question-id') ?? '');
    expect((await apiQuestions()).map((q) => q.id)).toContain(newId);
    expect(await page.$eval(`${added} a[href*="/delete"]`, (el) => el.getAttribute('href'))).toBe(
      `/staff/meetings/${meetingId}/draft/questions/${newId}/delete?item=${questionsItem}`,
    );
    expect(await capture(page, '17-draft-question-added-controls')).toEqual([]);

    await go(page, () => page.click(`${added} [data-move="up"]`));
    expect(await listed(page)).toEqual([
      { label: 'Question 1', text: TEXTS[0] },
      { label: 'Question 2', text: 'Fourth: knife crime?' },
      { label: 'Question 3', text: TEXTS[1] },
    ]);

    // Deleting the one in the middle leaves no gap in the numbers.
    await go(page, () => page.click(`#question-${newId} a[href*="/delete"]`));
    await go(page, () => page.click('button::-p-text(Delete the question)'));
    expect(await listed(page)).toEqual([
      { label: 'Question 1', text: TEXTS[0] },
      { label: 'Question 2', text: TEXTS[1] },
    ]);
    expect((await apiQuestions()).map((q) => [q.number, q.text])).toEqual([
      [1, TEXTS[0]],
      [2, TEXTS[1]],
    ]);
    expect(clerk.errors).toEqual([]);
  });

  it('chooses who can read an item while drafting it: an exempt item needs its reason', async () => {
    await page.goto(draftUrl(updateItem));
    await page.click('#item-confidentiality summary');
    await page.click('#item-conf-confidentiality-exempt');
    await go(page, () => page.click('button::-p-text(Save who can read it)'));
    expect(await page.$eval('.error-summary', (el) => el.textContent)).toContain(
      'Enter the reason the item is exempt',
    );
    expect(await capture(page, '14-draft-confidentiality-error')).toEqual([]);
    await page.type('#item-conf-exemptReason', 'Exempt under paragraph 7: prevention of crime');
    await go(page, () => page.click('button::-p-text(Save who can read it)'));
    expect(await page.$eval('.notification', (el) => el.textContent)).toContain('Who can read this item');
    expect(await page.$eval('main', (el) => el.textContent)).toContain('Exempt under paragraph 7');
    const item = (
      await w.t.request({ method: 'GET', url: `/api/v1/agenda-items/${updateItem}`, as: w.clerk })
    ).json();
    expect(item).toMatchObject({
      confidentiality: 'exempt',
      exemptReason: 'Exempt under paragraph 7: prevention of crime',
    });
    expect(await capture(page, '15-draft-item-exempt')).toEqual([]);

    // Typing in the notes moves the item's version on; the form still saves (the script sends the current one).
    await page.click('#item-text');
    await page.keyboard.type('Discussed in private.');
    await page.waitForSelector('#save-status[data-state="saved"]', { timeout: 20_000 });
    await page.click('#item-confidentiality summary');
    await page.click('#item-conf-confidentiality-opcc_only');
    await go(page, () => page.click('button::-p-text(Save who can read it)'));
    expect(await page.$eval('.notification', (el) => el.textContent)).toContain('Who can read this item');
    expect(await page.$eval('#item-text', (el) => (el as unknown as El).value)).toBe('Discussed in private.');
    const after = (
      await w.t.request({ method: 'GET', url: `/api/v1/agenda-items/${updateItem}`, as: w.clerk })
    ).json();
    expect(after).toMatchObject({ confidentiality: 'opcc_only', exemptReason: null });
    expect(clerk.errors).toEqual([]);
  });

  it('deletes through the script’s endpoint only the version it read (428 without If-Match, 412 if changed)', async () => {
    const client = webClient(() => w.t.app);
    const { jar } = await client.signIn(w.clerk2.email);
    const token = tokenIn(
      (await client.get(jar, `/staff/meetings/${meetingId}/draft?item=${updateItem}`)).body,
    );
    const created = await w.t.request({
      method: 'POST',
      url: `/api/v1/meetings/${meetingId}/questions`,
      as: w.clerk,
      payload: { source: 'in_meeting', itemId: updateItem, text: 'Delete me carefully?' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json() as { id: string };
    const edited = await w.t.request({
      method: 'PATCH',
      url: `/api/v1/questions/${id}`,
      as: w.clerk,
      payload: { text: 'Delete me carefully, reworded?' },
      headers: { 'if-match': String(created.headers.etag) },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const del = (ifMatch?: string) =>
      w.t.app.inject({
        method: 'DELETE',
        url: `/staff/api/meetings/${meetingId}/questions/${id}`,
        headers: { cookie: jar.header(), 'x-csrf-token': token, ...(ifMatch ? { 'if-match': ifMatch } : {}) },
      });
    expect((await del()).statusCode).toBe(428);
    expect((await del(String(created.headers.etag))).statusCode).toBe(412);
    expect((await apiQuestions()).map((q) => q.id)).toContain(id);
    expect((await del(String(edited.headers.etag))).statusCode).toBe(204);
    expect((await apiQuestions()).map((q) => q.id)).not.toContain(id);
  });

  it('chooses who can read an item when adding it to the agenda', async () => {
    await page.goto(`${w.baseUrl}/staff/meetings/${meetingId}`);
    await page.click('#agenda details summary');
    await page.type('#item-title', 'Complaint review');
    await page.click('#item-confidentiality-exempt');
    await go(page, () => page.click('button::-p-text(Add item)'));
    expect(await page.$eval('.error-summary', (el) => el.textContent)).toContain('Enter the reason');
    await page.type('#item-exemptReason', 'Exempt under paragraph 1: information about an individual');
    await go(page, () => page.click('button::-p-text(Add item)'));
    expect(await page.$eval('.agenda-list', (el) => el.textContent)).toMatch(/Complaint review\s*Exempt/);
    expect(await capture(page, '16-meeting-agenda-exempt-item')).toEqual([]);
    const agenda = (
      await w.t.request({ method: 'GET', url: `/api/v1/meetings/${meetingId}/agenda`, as: w.clerk })
    ).json().items as { title: string; confidentiality: string; exemptReason: string | null }[];
    expect(agenda.find((i) => i.title === 'Complaint review')).toMatchObject({
      confidentiality: 'exempt',
      exemptReason: 'Exempt under paragraph 1: information about an individual',
    });
    // Members read its title alone (the board lists exempt titles, as the published agenda does),
    // never its reason or body; the secretariat's screen marks it.
    const asMember = (
      await w.t.request({ method: 'GET', url: `/api/v1/meetings/${meetingId}/agenda`, as: w.member })
    ).json().items as { title: string; withheld: boolean; exemptReason: string | null }[];
    expect(asMember.find((i) => i.title === 'Complaint review')).toMatchObject({
      withheld: true,
      exemptReason: null,
    });
    expect(clerk.errors).toEqual([]);
  });
});
