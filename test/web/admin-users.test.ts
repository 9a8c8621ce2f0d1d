/**
 * The admin's user accounts and the shared directory in a real Chromium: an admin creates an
 * officer's account with a generated password (shown once) and the officer signs in with it; a bad
 * form keeps what was typed; roles change, the account is deactivated and reactivated, the password
 * reset. The secretariat adds a person and is refused, on the page, a change to a record printed by a
 * board they do not run; others get the 403 page on the admin's screens.
 */
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/modules/auth/passwords.ts';
import { createBoard } from '../domain/meetings-fixtures.ts';
import { capture, launchBrowser, type Session, signIn } from './browser.ts';
import { type WebWorld, webWorld } from './fixtures.ts';

async function go(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}
const text = (page: Page) => page.$eval('main', (el) => el.textContent ?? '');

describe('users and the directory in the browser', () => {
  let w: WebWorld;
  let browser: Browser;
  let admin: Session;

  beforeAll(async () => {
    [w, browser] = await Promise.all([webWorld(), launchBrowser()]);
    admin = await signIn(browser, w.baseUrl, w.admin.email);
  });
  afterAll(async () => {
    await browser?.close();
    await w?.close();
  });

  it('creates an officer with a generated password, shown once, that signs in', async () => {
    const { page } = admin;
    await page.goto(`${w.baseUrl}/staff`);
    await go(page, 'a[href="/staff/users"]');
    expect(await capture(page, 'admin-users')).toEqual([]);
    await go(page, 'a[href="/staff/users/new"]');

    // An officer without an organisation, and a bad email: both said, what was typed kept.
    await page.type('#user-displayName', 'Sam Carter');
    await page.type('#user-email', 'sam.carter@');
    await page.click('#user-roles-officer');
    await go(page, 'button[type="submit"].button');
    expect(await text(page)).toContain('There is a problem');
    expect(await text(page)).toContain('Enter an email address in the correct format');
    expect(await page.$eval('#user-displayName', (el) => (el as unknown as { value: string }).value)).toBe(
      'Sam Carter',
    );
    expect(
      await page.$eval('#user-roles-officer', (el) => (el as unknown as { checked: boolean }).checked),
    ).toBe(true);
    expect(await capture(page, 'admin-user-new-error')).toEqual([]);

    await page.$eval('#user-email', (el) => {
      (el as unknown as { value: string }).value = '';
    });
    await page.type('#user-email', 'Sam.Carter@west-midlands.police.uk');
    await go(page, 'button[type="submit"].button');
    expect(await text(page)).toContain('An officer must belong to an organisation.');
    await page.select('#user-organisationId', w.wmp.id);
    await go(page, 'button[type="submit"].button');
    expect(await text(page)).toContain('Account created for Sam Carter');
    const password = await page.$eval('#generated-password', (el) => el.textContent ?? '');
    expect(password).toHaveLength(24);
    expect(await capture(page, 'admin-user-password')).toEqual([]);

    const row = await w.t.database.db
      .selectFrom('users')
      .select(['id', 'roles', 'organisation_id', 'password_hash', 'active'])
      .where('email', '=', 'sam.carter@west-midlands.police.uk')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ roles: ['officer'], organisation_id: w.wmp.id, active: true });
    expect(await verifyPassword(row.password_hash, password)).toBe(true);

    // The officer signs in with it and lands in their actions.
    const officer = await browser.createBrowserContext();
    const tab = await officer.newPage();
    await tab.goto(`${w.baseUrl}/login`);
    await tab.type('#email', 'sam.carter@west-midlands.police.uk');
    await tab.type('#password', password);
    await go(tab, 'button[type="submit"].button');
    expect(tab.url()).toContain('/staff/my-actions');
    await officer.close();

    // The list shows them, and reads as cards on a phone.
    await page.goto(`${w.baseUrl}/staff/users`);
    expect(await text(page)).toContain('sam.carter@west-midlands.police.uk');
    await page.setViewport({ width: 390, height: 844 });
    expect(await capture(page, 'admin-users-390')).toEqual([]);
    const overflow = await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } })
        .document;
      return doc.documentElement.scrollWidth;
    });
    expect(overflow).toBeLessThanOrEqual(390);
    await page.setViewport({ width: 1366, height: 900 });
  });

  it('changes roles and boards, deactivates, reactivates and resets a password', async () => {
    const { page } = admin;
    const user = await w.t.user({ roles: ['member'] });
    await page.goto(`${w.baseUrl}/staff/users/${user.id}`);
    await page.click('#user-roles-member');
    await page.click('#user-roles-secretariat');
    await page.click(`#user-secretariatBoardIds`);
    await go(page, `form[action$="${user.id}"] button[type="submit"]`);
    expect(await text(page)).toContain('The changes have been saved');
    expect(await capture(page, 'admin-user')).toEqual([]);
    const stored = async () =>
      w.t.database.db
        .selectFrom('users')
        .select(['roles', 'active', 'password_hash'])
        .where('id', '=', user.id)
        .executeTakeFirstOrThrow();
    expect((await stored()).roles).toEqual(['secretariat']);
    const boards = await w.t.database.db
      .selectFrom('board_secretariat')
      .select('board_id')
      .where('user_id', '=', user.id)
      .execute();
    expect(boards.map((b) => b.board_id)).toEqual([w.board.id]);

    await go(page, 'form[action$="/active"] button');
    expect(await text(page)).toContain('deactivated');
    expect((await stored()).active).toBe(false);
    await go(page, 'form[action$="/active"] button');
    expect((await stored()).active).toBe(true);

    // A short password is refused on the page; a typed one of 12 or more is set.
    await page.type('#reset-password', 'short');
    await go(page, 'form[action$="/password"] button');
    expect(await text(page)).toContain('at least 12 characters');
    await page.type('#reset-password', 'a-new-long-password');
    await go(page, 'form[action$="/password"] button');
    expect(await text(page)).toContain('The password has been changed');
    expect(await verifyPassword((await stored()).password_hash, 'a-new-long-password')).toBe(true);
  });

  it('lets the secretariat keep the directory, refusing what other boards print', async () => {
    const clerk = await signIn(browser, w.baseUrl, w.clerk.email);
    const { page } = clerk;
    await page.goto(`${w.baseUrl}/staff`);
    expect(await page.$('a[href="/staff/users"]')).toBeNull();
    await go(page, 'a[href="/staff/directory"]');

    // Adding: an empty name is refused, keeping the job title.
    await page.type('#person-jobTitle', 'Chief Superintendent');
    await go(page, '#add-person button');
    expect(await text(page)).toContain('Enter the name');
    expect(await page.$eval('#person-jobTitle', (el) => (el as unknown as { value: string }).value)).toBe(
      'Chief Superintendent',
    );
    await page.type('#person-name', 'Ruth Okafor');
    await page.select('#person-organisationId', w.wmp.id);
    await go(page, '#add-person button');
    expect(await text(page)).toContain('The person has been added');
    expect(await text(page)).toContain('Ruth Okafor');
    expect(await capture(page, 'directory')).toEqual([]);

    // An organisation whose short name is taken is refused, keeping what was typed.
    await page.type('#organisation-name', 'West Mercia Police');
    await page.type('#organisation-shortName', 'WMP');
    await go(page, '#add-organisation button');
    expect(await text(page)).toContain('There is already an organisation with this short name');
    expect(await page.$eval('#organisation-name', (el) => (el as unknown as { value: string }).value)).toBe(
      'West Mercia Police',
    );
    await page.$eval('#organisation-shortName', (el) => {
      (el as unknown as { value: string }).value = '';
    });
    await page.type('#organisation-shortName', 'WMerP');
    await go(page, '#add-organisation button');
    expect(await text(page)).toContain('The organisation has been added');

    // Editing their own record.
    await go(page, 'a::-p-text(Ruth Okafor)');
    await page.$eval('#person-jobTitle', (el) => {
      (el as unknown as { value: string }).value = '';
    });
    await page.type('#person-jobTitle', 'Assistant Chief Constable');
    await go(page, 'button[type="submit"].button');
    expect(await text(page)).toContain('The changes have been saved');

    // A person another board prints (attendance of a meeting of OTH) is refused, with the reason.
    const other = await createBoard(w.t, w.admin, { name: 'Ethics Committee', code: 'ETH' });
    const meeting = await w.t.request({
      method: 'POST',
      url: '/api/v1/meetings',
      as: w.admin,
      payload: { boardId: other.id, date: '2026-05-01', startTime: '10:00', location: 'Lloyd House' },
    });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const personId = w.people['Scott Green']!;
    const attend = await w.t.request({
      method: 'POST',
      url: `/api/v1/meetings/${(meeting.json() as { id: string }).id}/attendance`,
      as: w.admin,
      payload: { personId, status: 'present' },
    });
    expect(attend.statusCode, attend.body).toBe(201);
    await page.goto(`${w.baseUrl}/staff/people/${personId}`);
    await page.$eval('#person-name', (el) => {
      (el as unknown as { value: string }).value = '';
    });
    await page.type('#person-name', 'Scott Greene');
    await go(page, 'button[type="submit"].button');
    expect(await text(page)).toContain('printed by boards you do not administer (ETH)');
    expect(await page.$eval('#person-name', (el) => (el as unknown as { value: string }).value)).toBe(
      'Scott Greene',
    );
    expect(await capture(page, 'directory-refused')).toEqual([]);
    const name = await w.t.database.db
      .selectFrom('people')
      .select('name')
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    expect(name.name).toBe('Scott Green');

    // The admin's screens are not the secretariat's.
    const refused = await page.goto(`${w.baseUrl}/staff/users`);
    expect(refused?.status()).toBe(403);
    expect(clerk.errors).toEqual([]);
    await clerk.close();
  });
});
