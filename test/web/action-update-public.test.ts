/**
 * The staff action page asks, honestly and unticked, whether an update is published on the public
 * website, and previews what the public will see without saving (issue 14, finding 6). Through
 * app.inject as a browser without JavaScript: an officer of the owning force and the secretariat on
 * an action the published notes made public.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../domain/meetings-fixtures.ts';
import { createTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { buildPublishedMeeting, type PublishedMeeting } from '../publication/fixtures.ts';
import { type Jar, tokenIn, webClient } from './web-client.ts';

describe('publishing an update is a choice, with a preview', () => {
  let t: TestApp;
  let fx: PublishedMeeting;
  let officer: TestUser;
  let clerk: TestUser;
  let admin: TestUser;
  const web = webClient(() => t.app);
  const tag = Math.random().toString(36).slice(2, 8);
  const url = () => `/staff/actions/${fx.publicActionId}`;

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '100' });
    admin = await t.user({ roles: ['admin'] });
    fx = await buildPublishedMeeting(t, admin);
    officer = await t.user({ roles: ['officer'], organisationId: fx.wmpId });
    clerk = await t.user({ roles: ['secretariat'], boards: [fx.boardId] });
  });
  afterAll(() => t.close());

  /** The public action page and its JSON. */
  const publicText = async () => {
    const page = await t.request({ method: 'GET', url: `/actions/${fx.publicActionId}` });
    const json = await t.request({ method: 'GET', url: `/public/v1/actions/${fx.publicActionId}` });
    expect(page.statusCode).toBe(200);
    expect(json.statusCode).toBe(200);
    return `${page.body}\n${json.body}`;
  };
  const checkbox = (html: string, prefix: string) =>
    new RegExp(`<input[^>]*id="${prefix}public"[^>]*>`).exec(html)?.[0] ?? '';
  const labelOf = (html: string, prefix: string) =>
    new RegExp(`<label[^>]*for="${prefix}public">([^<]*)</label>`).exec(html)?.[1];
  const previewOf = (html: string, prefix: string) =>
    new RegExp(`<div class="inset-text" id="${prefix}preview"[\\s\\S]*?</div>`).exec(html)?.[0];
  const submit = async (jar: Jar, path: string, form: Record<string, string>) => {
    const page = await web.get(jar, url());
    return web.post(jar, `${url()}/${path}`, { _csrf: tokenIn(page.body), ...form });
  };

  it('labels the choice honestly and leaves it unticked on every form', async () => {
    const { jar } = await web.signIn(officer.email, url());
    const page = await web.get(jar, url());
    expect(page.statusCode).toBe(200);
    for (const prefix of ['update-', 'propose-']) {
      expect(labelOf(page.body, prefix), prefix).toBe('Published on the public website');
      expect(checkbox(page.body, prefix), prefix).not.toContain('checked');
    }
    expect(page.body).toContain('the public action tracker on this website shows it');
    expect(page.body).not.toContain('Board members may see this update');
    expect(page.body).toMatch(/<legend class="fieldset__legend">Who can read this<\/legend>/);

    const clerkPage = await web.get((await web.signIn(clerk.email, url())).jar, url());
    for (const prefix of ['update-', 'close-', 'reassign-']) {
      expect(checkbox(clerkPage.body, prefix), prefix).toMatch(/type="checkbox"/);
      expect(checkbox(clerkPage.body, prefix), prefix).not.toContain('checked');
      expect(labelOf(clerkPage.body, prefix), prefix).toMatch(/published on the public website$/i);
    }
  });

  it('previews what the public will see, keeps what was typed, and saves nothing', async () => {
    const { jar } = await web.signIn(officer.email, url());
    const typed = `Dashboard shared with all chairs <b>${tag}</b>`;
    const res = await submit(jar, 'updates', { text: typed, public: 'yes', preview: 'yes' });
    expect(res.statusCode).toBe(200);
    const preview = previewOf(res.body, 'update-')!;
    expect(preview).toContain('Preview: what the public will see');
    expect(preview).toContain('On the public action tracker');
    expect(preview).toContain(`Dashboard shared with all chairs &lt;b&gt;${tag}&lt;/b&gt;`);
    expect(res.body).toContain(`>Dashboard shared with all chairs &lt;b&gt;${tag}&lt;/b&gt;</textarea>`);
    expect(checkbox(res.body, 'update-')).toContain('checked');
    expect(await publicText()).not.toContain(tag);
    const staff = await t.request({
      method: 'GET',
      url: `/api/v1/actions/${fx.publicActionId}`,
      as: officer,
    });
    expect(staff.body).not.toContain(tag);

    const unticked = await submit(jar, 'updates', { text: typed, preview: 'yes' });
    expect(previewOf(unticked.body, 'update-')).toContain('Nothing: this will not be published');
  });

  it('an unticked update, proposal, reopen reason and reassignment stay off the public pages', async () => {
    const officerJar = (await web.signIn(officer.email, url())).jar;
    const clerkJar = (await web.signIn(clerk.email, url())).jar;
    const hidden = `Internal progress ${tag}`;
    expect((await submit(officerJar, 'updates', { text: hidden })).statusCode).toBe(303);
    const proposal = `Internal proposal ${tag}`;
    expect((await submit(officerJar, 'propose-completion', { text: proposal })).statusCode).toBe(303);
    const reason = `Internal reopen reason ${tag}`;
    expect((await submit(clerkJar, 'reopen', { note: reason })).statusCode).toBe(303);
    const reassign = async (ownerOrganisationId: string) => {
      const page = await web.get(clerkJar, url());
      const version = /name="version" value="(\d+)"/.exec(page.body)![1]!;
      const res = await web.post(clerkJar, `${url()}/reassign`, {
        _csrf: tokenIn(page.body),
        version,
        ownerOrganisationId,
        ownerPersonId: '',
        dueDate: '2027-01-31',
      });
      expect(res.statusCode, res.body).toBe(303);
    };
    const opcc = await createOrganisation(t, admin, 'Office of the Police and Crime Commissioner', 'OPCC');
    await reassign(opcc.id);
    await reassign(fx.wmpId);
    const seen = await publicText();
    for (const text of [hidden, proposal, reason, 'Reassigned from']) expect(seen).not.toContain(text);
    // The staff page says which updates are not published.
    const staff = await web.get(clerkJar, url());
    expect(staff.body).toContain('not published: the secretariat and the owner only');
    expect(staff.body).toContain('Reassigned from WMP to OPCC.');
  });

  it('a ticked update reaches the public pages', async () => {
    const { jar } = await web.signIn(officer.email, url());
    const shown = `Published progress ${tag}`;
    expect((await submit(jar, 'updates', { text: shown, public: 'yes' })).statusCode).toBe(303);
    expect(await publicText()).toContain(shown);
  });

  it('an error keeps the choice and the text', async () => {
    const { jar } = await web.signIn(clerk.email, url());
    const res = await submit(jar, 'close', { note: '  ', public: 'yes' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('There is a problem');
    expect(checkbox(res.body, 'close-')).toContain('checked');
  });
});
