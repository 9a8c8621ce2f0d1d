/**
 * The secretariat's month, in a real Chromium: set up a meeting from the board's standing items,
 * invite attendees, draft the notes live (attendance ticks, an update, three questions with
 * answers, an ACTION), survive a reload and a dropped connection with a closed tab, produce the PDF,
 * edit side by side with a colleague, and take the notes through to publication.
 */
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectPdf, missingPhrases } from '../render/pdf-inspect.ts';
import {
  alt,
  capture,
  fetchInPage,
  launchBrowser,
  newTab,
  type Session,
  setValue,
  signIn,
  waitForSaved,
} from './browser.ts';
import type { El, Win } from './dom.ts';
import { type WebWorld, webWorld } from './fixtures.ts';

const QUESTIONS = [
  {
    asker: 'Wasim',
    text: 'What assessment has the Chief Constable made of the demand arising from the ban on XL Bully dogs?',
    bullets: [
      'WMP have seized a large number of dogs since the ban.',
      'DEFRA funding for kennelling has now ceased.',
    ],
  },
  {
    asker: 'Wasim',
    text: 'What progress has WMP made with a counter-drone capability at Villa Park and Molineux?',
    bullets: [
      'Phase one of a national pilot went live in January.',
      'Two unauthorised drones have been intercepted.',
    ],
  },
  {
    asker: 'Simon',
    text: 'How will the Force keep the local elections on 7 May 2026 safe and secure?',
    bullets: [
      'Each polling station has a risk assessment.',
      'There will be two bronze commanders on the day.',
    ],
  },
];
const ACTION_TEXT = 'WMP to provide the OPCC with the risk assessment of polling stations.';
const UPDATE_LINES = [
  'The Commissioner provided an update which covered the following:',
  'I. The PCC has written to the Acting Chief Constable about the historic discrimination.',
  'II. The West Midlands VRP has been provisionally allocated over £5 million for April 26-March 27.',
];
const OFFLINE_LINE = 'III. The PCC formally recognised the Police Staff Week of Celebration and Recognition.';

async function go(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

async function openItem(page: Page, title: string): Promise<void> {
  await go(page, `.agenda-nav a::-p-text(${title})`);
}

/** Picks a person in a type-ahead by typing part of their name, as the secretariat would. */
async function pick(page: Page, selector: string, partOfName: string): Promise<void> {
  await page.click(selector);
  await page.type(selector, partOfName);
  await page.waitForSelector('.combobox__listbox:not([hidden]) [role="option"]');
  await page.keyboard.press('Enter');
}

describe('the secretariat drafts a meeting in the browser', () => {
  let w: WebWorld;
  let browser: Browser;
  let clerk: Session;
  let page: Page;
  let meetingId = '';

  beforeAll(async () => {
    [w, browser] = await Promise.all([webWorld(), launchBrowser()]);
    clerk = await signIn(browser, w.baseUrl, w.clerk.email);
    page = clerk.page;
  });
  afterAll(async () => {
    await browser?.close();
    await w?.close();
  });

  const api = (url: string, as = w.clerk) => w.t.request({ method: 'GET', url, as });

  it('sets up a meeting from the board’s standing items and invites attendees', async () => {
    expect(page.url()).toBe(`${w.baseUrl}/staff`);
    expect(await capture(page, '01-secretariat-home')).toEqual([]);

    await go(page, `main a[href="/staff/boards/${w.board.id}"]`);
    await setValue(page, '#meeting-date', '2026-03-24');
    await setValue(page, '#meeting-nextMeetingDate', '2026-04-28');
    await page.type('#meeting-location', 'Lloyd House, Birmingham');
    expect(await capture(page, '02-board')).toEqual([]);
    await go(page, '#new-meeting button[type="submit"]');
    meetingId = /\/staff\/meetings\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    expect(await page.$eval('.agenda-list', (el) => el.textContent)).toContain('Questions from AGB members');

    const invite = async (
      name: string,
      opts: { apologies?: boolean; printNoOrganisation?: boolean } = {},
    ) => {
      await pick(page, '#invite-personId', name);
      if (opts.printNoOrganisation) {
        await page.click('#invite-organisation', { count: 3 });
        await page.keyboard.press('Backspace');
      }
      if (opts.apologies) await page.click('#invite-status-apologies');
      await go(page, '#invite > form button[type="submit"]');
    };
    await pick(page, '#invite-personId', 'Wasim');
    // Role and organisation come from the directory as soon as the person is chosen.
    expect(await page.$eval('#invite-role', (el) => (el as unknown as El).value)).toBe(
      'Deputy Police and Crime Commissioner',
    );
    expect(await page.$eval('#invite-organisation', (el) => (el as unknown as El).value)).toBe('OPCC');
    await go(page, '#invite > form button[type="submit"]');
    for (const name of ['Scott', 'Simon Fos', 'Jennifer', 'Stephen Hee']) await invite(name);
    // As the reference notes print him: "Richard North (Temporary Assistant Chief Constable)".
    await invite('Richard', { printNoOrganisation: true });
    await invite('Alethea', { apologies: true });
    const attendance = (await api(`/api/v1/meetings/${meetingId}/attendance`)).json() as {
      items: { name: string; role: string; organisation: string | null; status: string }[];
    };
    expect(attendance.items).toContainEqual(
      expect.objectContaining({
        name: 'Wasim Ali',
        role: 'Deputy Police and Crime Commissioner',
        organisation: 'OPCC',
      }),
    );
    expect(attendance.items).toContainEqual(
      expect.objectContaining({
        name: 'Richard North',
        role: 'Temporary Assistant Chief Constable',
        organisation: null,
      }),
    );
    expect(attendance.items).toContainEqual(
      expect.objectContaining({ name: 'Alethea Fuller', status: 'apologies' }),
    );
    expect(await capture(page, '03-meeting-set-up')).toEqual([]);
  });

  it('drafts live: attendance ticks, an update, three questions with answers and an ACTION', async () => {
    await go(page, 'a.button::-p-text(Draft the notes)');
    // Attendance: Stephen Heeley did not come.
    await page.click('label::-p-text(Stephen Heeley)');
    await page.waitForFunction(() =>
      (globalThis as unknown as Win).document.body.textContent?.includes('Stephen Heeley: not present'),
    );

    await openItem(page, 'PCC Update');
    await page.click('#item-text');
    await page.keyboard.type(UPDATE_LINES.join('\n'));
    await page.waitForSelector('#save-status[data-state="unsaved"]');
    await waitForSaved(page);

    await openItem(page, 'Questions from AGB members');
    for (const q of QUESTIONS) {
      await alt(page, 'KeyQ');
      await page.keyboard.type(q.asker);
      await page.waitForSelector('.combobox__listbox:not([hidden]) [role="option"]');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      await page.keyboard.type(q.text);
      for (const bullet of q.bullets) {
        await alt(page, 'KeyB');
        await page.keyboard.type(bullet);
      }
    }
    // The ACTION, raised under the third question: owner picked, due date suggested (the next meeting).
    await alt(page, 'KeyA');
    const form = (await page.waitForSelector('.question-block:last-child [data-action-form]'))!;
    expect(await form.$eval('[data-field="due"]', (el) => (el as unknown as El).value)).toBe('2026-04-28');
    await page.keyboard.type(ACTION_TEXT);
    await (await form.$('[data-field="owner"]'))!.select(w.wmp.id);
    await form.$eval('[data-field="text"]', (el) => (el as unknown as El).focus());
    await page.keyboard.press('Enter');
    await page.waitForSelector(`.question-block:last-child .action-line::-p-text(${ACTION_TEXT})`);
    await waitForSaved(page);

    await page.click('#preview-toggle');
    await page.waitForFunction(() => {
      const frame = (globalThis as unknown as Win).document.querySelector('#preview iframe');
      return frame?.contentDocument?.body?.textContent?.includes('Question 3');
    });
    expect(await capture(page, '04-draft-questions')).toEqual([]);
    // On a tablet the agenda sits above the draft, and nothing needs a mouse.
    await page.setViewport({ width: 820, height: 1180, hasTouch: true, isMobile: true });
    expect(await capture(page, '04b-draft-tablet')).toEqual([]);
    await page.setViewport({ width: 1366, height: 900 });
    expect(clerk.errors).toEqual([]);
  });

  it('loses nothing on reload', async () => {
    await page.reload();
    const blocks = await page.$$eval('.question-block', (els) =>
      els.map((el) => ({
        label: el.querySelector('legend')?.textContent?.trim(),
        asker: el.querySelector('[role="combobox"]')?.value,
        text: el.querySelector('[data-field="text"]')?.value,
        answer: el.querySelector('[data-field="answer"]')?.value,
        actions: el.querySelector('.action-list')?.textContent,
      })),
    );
    expect(blocks).toHaveLength(3);
    for (const [i, q] of QUESTIONS.entries()) {
      expect(blocks[i]).toMatchObject({
        label: `Question ${i + 1}`,
        text: q.text,
        answer: q.bullets.join('\n'),
      });
      expect(blocks[i]!.asker).toContain(q.asker);
    }
    expect(blocks[2]!.actions).toContain(ACTION_TEXT);
    expect(blocks[2]!.actions).toContain('Owner: WMP');

    await openItem(page, 'PCC Update');
    expect(await page.$eval('#item-text', (el) => (el as unknown as El).value)).toBe(UPDATE_LINES.join('\n'));
    expect(await page.$eval('#save-status', (el) => el.getAttribute('data-state'))).toBe('saved');
  });

  it('keeps what was typed when the network drops and the tab is closed, and saves it on return', async () => {
    const url = page.url();
    await page.setOfflineMode(true);
    await page.click('#item-text');
    await page.keyboard.press('End');
    await page.keyboard.down('Control');
    await page.keyboard.press('End');
    await page.keyboard.up('Control');
    await page.keyboard.type(`\n${OFFLINE_LINE}`);
    await page.waitForSelector('#save-status[data-state="offline"]', { timeout: 10_000 });
    await page.close();

    page = await newTab(clerk);
    await page.goto(url);
    expect(await page.$eval('#item-text', (el) => (el as unknown as El).value)).toBe(
      [...UPDATE_LINES, OFFLINE_LINE].join('\n'),
    );
    await waitForSaved(page);
    const items = (await api(`/api/v1/meetings/${meetingId}/agenda`)).json() as {
      items: { title: string; bodyText: string; bodyHtml: string }[];
    };
    const pcc = items.items.find((i) => i.title === 'PCC Update')!;
    expect(pcc.bodyText).toContain('Police Staff Week');
    expect(pcc.bodyHtml).toContain('<ol type="I">');
  });

  it('prints what was typed in the Notes of the Meeting PDF', async () => {
    const pdf = await fetchInPage(page, `/staff/meetings/${meetingId}/notes.pdf`);
    expect(pdf.status).toBe(200);
    const inspected = await inspectPdf(pdf.body);
    expect(
      missingPhrases(inspected, [
        'Notes of the Meeting',
        'Wasim Ali (Deputy Police and Crime Commissioner, OPCC)',
        'Scott Green (Chief Constable, WMP)',
        'Richard North (Temporary Assistant Chief Constable)',
        'Alethea Fuller',
        'historic discrimination',
        'Police Staff Week of Celebration and Recognition',
        ...QUESTIONS.flatMap((q) => [q.text, ...q.bullets]),
        'Asked by Deputy Police and Crime Commissioner, Wasim Ali',
        'ACTION',
        ACTION_TEXT,
      ]),
    ).toEqual([]);
    // Ticked off as absent: not printed among those present.
    expect(inspected.text).not.toContain('Stephen Heeley');
  });

  it('tells the second of two editors of the same item, and loses neither edit', async () => {
    const other = await signIn(browser, w.baseUrl, w.clerk2.email);
    try {
      const url = `${w.baseUrl}/staff/meetings/${meetingId}/draft`;
      await page.goto(url);
      await openItem(page, 'Chief Constable Update');
      await other.page.goto(page.url());

      // The colleague's connection is down while both type; the first editor saves first.
      await other.page.setOfflineMode(true);
      await other.page.click('#item-text');
      await other.page.keyboard.type('Beta: Operation Applegreen has been launched for the local elections.');
      await other.page.waitForSelector('#save-status[data-state="offline"]', { timeout: 10_000 });
      await page.click('#item-text');
      await page.keyboard.type('Alpha: There have been four recent homicides in the West Midlands.');
      await alt(page, 'KeyS');
      await waitForSaved(page);

      await other.page.setOfflineMode(false);
      await other.page.waitForSelector('#save-status[data-state="conflict"]', { timeout: 15_000 });
      await other.page.waitForSelector('#item-conflict .conflict[role="alert"]');
      expect(await capture(other.page, '05-draft-conflict')).toEqual([]);
      await other.page.click('[data-conflict-merge]');
      await waitForSaved(other.page);

      const item = (await api(`/api/v1/meetings/${meetingId}/agenda`)).json() as {
        items: { title: string; bodyText: string }[];
      };
      const text = item.items.find((i) => i.title === 'Chief Constable Update')!.bodyText;
      expect(text).toContain('Alpha: There have been four recent homicides');
      expect(text).toContain('Beta: Operation Applegreen');
      // The first editor, with nothing unsaved, is brought up to date by itself.
      await page.waitForFunction(
        () => (globalThis as unknown as Win).document.querySelector('#item-text')?.value.includes('Beta:'),
        { timeout: 15_000 },
      );
      expect(other.errors).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('counts words someone already saved elsewhere as saved, not as a conflict', async () => {
    // As when this page's last save outlives the closed tab, or the same person types the same in
    // two tabs: the server has exactly what is typed here, under a newer version.
    const other = await signIn(browser, w.baseUrl, w.clerk2.email);
    try {
      await page.goto(`${w.baseUrl}/staff/meetings/${meetingId}/draft`);
      await openItem(page, 'Chief Constable Update');
      await other.page.goto(page.url());
      const text = `${await page.$eval('#item-text', (el) => (el as unknown as El).value)}\nGamma: the same words in two tabs.`;

      await page.setOfflineMode(true);
      await setValue(page, '#item-text', text);
      await page.waitForSelector('#save-status[data-state="offline"]', { timeout: 10_000 });
      await setValue(other.page, '#item-text', text);
      await alt(other.page, 'KeyS');
      await waitForSaved(other.page);

      await page.setOfflineMode(false);
      await waitForSaved(page);
      expect(await page.$('#item-conflict .conflict')).toBeNull();
      const item = (await api(`/api/v1/meetings/${meetingId}/agenda`)).json() as {
        items: { title: string; bodyText: string }[];
      };
      expect(item.items.find((i) => i.title === 'Chief Constable Update')!.bodyText).toContain('Gamma:');
      expect(clerk.errors).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('works without JavaScript through plain forms', async () => {
    const plain = await signIn(browser, w.baseUrl, w.clerk2.email);
    try {
      await plain.page.setJavaScriptEnabled(false);
      await plain.page.goto(`${w.baseUrl}/staff/meetings/${meetingId}/draft`);
      await openItem(plain.page, 'CLOSE');
      await plain.page.type('#item-text', 'Next meeting: Tuesday 28 April 2026');
      await go(plain.page, '#item-form button[type="submit"]');
      expect(await plain.page.$eval('.notification', (el) => el.textContent)).toContain('saved');
      await plain.page.click('details summary::-p-text(Add a question)');
      await plain.page.type('#new-question-text', 'Any other business?');
      await plain.page.type('#new-question-answer', 'None was raised.');
      await go(plain.page, 'form[action$="/draft/questions"] button[type="submit"]');
      expect(await plain.page.$eval('.notification', (el) => el.textContent)).toContain(
        'question has been added',
      );
      const questions = (await api(`/api/v1/meetings/${meetingId}/questions`)).json() as {
        items: { text: string }[];
      };
      expect(questions.items.map((q) => q.text)).toContain('Any other business?');
    } finally {
      await plain.close();
    }
  });

  it('takes the notes through submission, approval and publication', async () => {
    // The board approves the notes at its next meeting, which has taken place.
    const later = await w.t.request({
      method: 'POST',
      url: '/api/v1/meetings',
      as: w.clerk,
      payload: { boardId: w.board.id, date: '2026-04-28', startTime: '10:00', location: 'Lloyd House' },
    });
    expect(later.statusCode, later.body).toBe(201);
    await page.goto(`${w.baseUrl}/staff/meetings/${meetingId}`);
    await go(page, 'button::-p-text(Mark as held)');
    await go(page, 'button::-p-text(Submit notes for approval)');
    expect(await page.$eval('#notes-workflow-heading', (el) => el.textContent)).toContain(
      'Submitted for approval',
    );
    await go(page, 'button::-p-text(Record approval)');
    await go(page, 'button::-p-text(Publish notes)');
    expect(await page.$eval('#notes-workflow', (el) => el.textContent)).toContain('Version 1');
    expect(await capture(page, '06-meeting-published')).toEqual([]);

    // Published notes are frozen: the drafting screen says so and saves nothing.
    await page.goto(`${w.baseUrl}/staff/meetings/${meetingId}/draft`);
    await openItem(page, 'PCC Update');
    await page.waitForSelector('#save-status[data-state="locked"]');
    expect(await page.$eval('#item-text', (el) => el.hasAttribute('readonly'))).toBe(true);
    expect(await page.$('#add-question:not([hidden])')).toBeNull();
    expect(clerk.errors).toEqual([]);
  });
});
