/**
 * The secretariat's home as a to-do list, in a real Chromium: a board with one of each kind of
 * waiting work (notes to draft, notes awaiting approval, a completion proposal, a question received
 * for a meeting to come, an overdue action) shows each as a link that opens, even though no meeting
 * is planned in the list's "Coming up"; another board's secretariat sees none of it.
 */
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingsWaiting } from '../../src/modules/meetings/waiting-service.ts';
import { createBoard, createMeeting } from '../domain/meetings-fixtures.ts';
import type { TestUser } from '../helpers/app.ts';
import { capture, launchBrowser, type Session, signIn } from './browser.ts';
import { type WebWorld, webWorld } from './fixtures.ts';

const DAY = 86_400_000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

describe('the staff home as a to-do list', () => {
  let w: WebWorld;
  let browser: Browser;
  let otherClerk: TestUser;
  let otherBoardId: string;
  const ids: Record<string, string> = {};

  const api = async (as: TestUser, method: 'POST' | 'PATCH', url: string, payload?: unknown) => {
    const res = await w.t.request({ method, url: `/api/v1${url}`, as, ...(payload ? { payload } : {}) });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json() as { id: string };
  };

  beforeAll(async () => {
    [w, browser] = await Promise.all([webWorld(), launchBrowser()]);
    const { clerk, admin } = w;
    // Held three weeks ago, notes not yet written.
    ids.toDraft = (await createMeeting(w.t, clerk, w.board.id, { date: isoDay(-21), startTime: '10:00' })).id;
    await api(clerk, 'POST', `/meetings/${ids.toDraft}/status`, { status: 'held' });
    // Held six weeks ago, notes submitted for approval.
    ids.submitted = (
      await createMeeting(w.t, clerk, w.board.id, { date: isoDay(-42), startTime: '14:00' })
    ).id;
    await api(clerk, 'POST', `/meetings/${ids.submitted}/status`, { status: 'held' });
    await api(clerk, 'POST', `/meetings/${ids.submitted}/notes/submit`);
    // Actions raised at the first: one overdue with WMP, one WMP proposes is complete.
    ids.overdue = (
      await api(clerk, 'POST', `/meetings/${ids.toDraft}/actions`, {
        text: 'Report on stop and search outcomes',
        ownerOrganisationId: w.wmp.id,
        dueDate: isoDay(-3),
      })
    ).id;
    ids.proposed = (
      await api(clerk, 'POST', `/meetings/${ids.toDraft}/actions`, {
        text: 'Circulate the custody audit',
        ownerOrganisationId: w.wmp.id,
        dueDate: isoDay(30),
      })
    ).id;
    await api(w.officer, 'POST', `/actions/${ids.proposed}/propose-completion`, { text: 'Circulated.' });
    // A question received for a meeting more than a week away.
    ids.upcoming = (
      await createMeeting(w.t, clerk, w.board.id, { date: isoDay(400), startTime: '10:00' })
    ).id;
    await api(admin, 'POST', `/meetings/${ids.upcoming}/questions`, {
      source: 'pre_submitted',
      text: 'How many officers are on patrol at night?',
    });
    // Another board, with work of its own its secretariat sees (and ours does not).
    const other = await createBoard(w.t, admin, { name: 'Somewhere Else Panel', code: 'SEP' });
    otherBoardId = other.id;
    otherClerk = await w.t.user({ roles: ['secretariat'], boards: [other.id] });
    ids.otherDraft = (await createMeeting(w.t, admin, other.id, { date: isoDay(-7), startTime: '09:30' })).id;
    await api(admin, 'POST', `/meetings/${ids.otherDraft}/status`, { status: 'held' });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await w?.close();
  });

  const hrefs = (s: Session) =>
    s.page.$$eval('[data-todo] a', (els) => els.map((el) => (el as unknown as { href: string }).href));

  it('lists each kind of waiting work with a link that opens, on a desktop and on a phone', async () => {
    const s = await signIn(browser, w.baseUrl, w.clerk.email);
    await s.page.goto(`${w.baseUrl}/staff`);
    const text = await s.page.$eval('[data-todo]', (el) => el.textContent?.replace(/\s+/g, ' ') ?? '');
    expect(text).toContain('Notes to draft');
    expect(text).toContain('Notes awaiting approval');
    expect(text).toContain('Completion proposed, to review');
    expect(text).toContain('1 question received for');
    expect(text).toContain('Overdue actions of WMP: 1 overdue');
    const links = (await hrefs(s)).map((h) => h.replace(w.baseUrl, ''));
    expect(links).toEqual([
      `/staff/meetings/${ids.toDraft}/draft`,
      `/staff/meetings/${ids.submitted}#notes-workflow`,
      `/staff/actions/${ids.proposed}`,
      `/staff/meetings/${ids.upcoming}/draft`,
      `/staff/boards/${w.board.id}/actions?owner=${w.wmp.id}&overdue=yes`,
    ]);
    expect(await capture(s.page, 'staff-home-todo')).toEqual([]);
    await s.page.setViewport({ width: 390, height: 844 });
    expect(await capture(s.page, 'staff-home-todo-390')).toEqual([]);
    const width = await s.page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
          .documentElement.scrollWidth,
    );
    expect(width).toBeLessThanOrEqual(390);

    for (const link of links) {
      const res = await s.page.goto(`${w.baseUrl}${link}`);
      expect(res?.status(), link).toBe(200);
    }
    // The overdue link lands on the action log filtered to that owner's overdue actions.
    const rows = await s.page.content();
    expect(rows).toContain('Report on stop and search outcomes');
    expect(rows).not.toContain('Circulate the custody audit');
    expect(s.errors).toEqual([]);
    await s.close();
  });

  it('shows another board’s secretariat only their own board’s work', async () => {
    const s = await signIn(browser, w.baseUrl, otherClerk.email);
    await s.page.goto(`${w.baseUrl}/staff`);
    const links = (await hrefs(s)).map((h) => h.replace(w.baseUrl, ''));
    expect(links).toEqual([`/staff/meetings/${ids.otherDraft}/draft`]);
    // Their board has nothing planned: saying so does not hide the notes waiting to be drafted.
    const text = await s.page.$eval('main', (el) => el.textContent?.replace(/\s+/g, ' ') ?? '');
    expect(text).toContain('No meetings are planned');
    expect(text).toContain('Notes to draft');
    const body = await s.page.content();
    for (const id of [ids.toDraft, ids.submitted, ids.proposed, ids.upcoming, w.wmp.id]) {
      expect(body).not.toContain(id);
    }
    await s.close();
  });

  it('reads only the boards the secretariat administers, at the service itself', async () => {
    const actor = {
      userId: otherClerk.id,
      email: otherClerk.email,
      displayName: 'Other clerk',
      roles: ['secretariat' as const],
      organisationId: null,
      personId: null,
      secretariatBoardIds: [otherBoardId],
    };
    const waiting = await meetingsWaiting({ db: w.t.database.db, actor, requestId: null });
    expect(waiting.notesToDraft.map((m) => m.id)).toEqual([ids.otherDraft]);
    expect(waiting.notesAwaitingApproval).toEqual([]);
    expect(waiting.questionsReceived).toEqual([]);
    const member = { ...actor, roles: ['member' as const], secretariatBoardIds: [] };
    await expect(meetingsWaiting({ db: w.t.database.db, actor: member, requestId: null })).rejects.toThrow();
  });
});
