/**
 * Publishing an update on the public website is an explicit choice (issue 14, finding 6): progress
 * updates, completion proposals, closing notes, reopen reasons and reassignment notes are not public
 * unless `public` (for a reassignment, `reassignmentPublic`) is true, and only then reach the public
 * tracker, its JSON and board members.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../domain/meetings-fixtures.ts';
import { createTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { buildPublishedMeeting, ok, type PublishedMeeting, post } from '../publication/fixtures.ts';

interface Detail {
  id: string;
  version: number;
  status: string;
  updates: { kind: string; text: string; public: boolean }[];
}

describe('update visibility is an explicit choice', () => {
  let t: TestApp;
  let admin: TestUser;
  let officer: TestUser;
  let member: TestUser;
  let fx: PublishedMeeting;
  let actionId: string;
  const tag = Math.random().toString(36).slice(2, 8);
  const secret = (what: string) => `Unpublished ${what} ${tag}`;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user({ roles: ['admin'] });
    fx = await buildPublishedMeeting(t, admin);
    actionId = fx.publicActionId;
    officer = await t.user({ roles: ['officer'], organisationId: fx.wmpId });
    member = await t.user({ roles: ['member'] });
  });
  afterAll(() => t.close());

  /** What the public reads of the action: its JSON, its page, the board's tracker. */
  const publicOutputs = async () => {
    const api = await t.request({ method: 'GET', url: `/public/v1/actions/${actionId}` });
    expect(api.statusCode, api.body).toBe(200);
    const page = await t.request({ method: 'GET', url: `/actions/${actionId}` });
    expect(page.statusCode).toBe(200);
    const tracker = await t.request({ method: 'GET', url: `/public/v1/boards/${fx.boardId}/actions` });
    return [api.body, page.body, tracker.body];
  };
  /** The public outputs and what a board member reads of the action's updates. */
  const outside = async () => {
    const asMember = await ok<Detail>(
      await t.request({ method: 'GET', url: `/api/v1/actions/${actionId}`, as: member }),
    );
    return [...(await publicOutputs()), JSON.stringify(asMember.updates)].join('\n');
  };
  const detail = async () =>
    ok<Detail>(await t.request({ method: 'GET', url: `/api/v1/actions/${actionId}`, as: admin }));
  const last = (d: Detail) => d.updates.at(-1)!;

  it('a progress update is not public unless chosen; `public: true` publishes it', async () => {
    const hidden = await ok<Detail>(
      await post(t, officer, `/api/v1/actions/${actionId}/updates`, { text: secret('progress') }),
      201,
    );
    expect(last(hidden)).toMatchObject({ kind: 'update', public: false });
    expect(await outside()).not.toContain(secret('progress'));

    const shown = `Published progress ${tag}`;
    const res = await ok<Detail>(
      await post(t, officer, `/api/v1/actions/${actionId}/updates`, { text: shown, public: true }),
      201,
    );
    expect(last(res)).toMatchObject({ kind: 'update', public: true });
    for (const body of await publicOutputs()) expect(body).toContain(shown);
    expect(await outside()).toContain(shown);
  });

  it('a completion proposal is not public unless chosen', async () => {
    const proposed = await ok<Detail>(
      await post(t, officer, `/api/v1/actions/${actionId}/propose-completion`, { text: secret('proposal') }),
    );
    expect(last(proposed)).toMatchObject({ kind: 'completion_proposed', public: false });
    expect(await outside()).not.toContain(secret('proposal'));
  });

  it('a reopen reason is not public unless chosen', async () => {
    const reopened = await ok<Detail>(
      await post(t, admin, `/api/v1/actions/${actionId}/reopen`, { note: secret('reopen reason') }),
    );
    expect(last(reopened)).toMatchObject({ kind: 'reopened', public: false });
    expect(await outside()).not.toContain(secret('reopen reason'));
  });

  it('a reassignment note is not public unless the secretariat chooses it', async () => {
    const opcc = await createOrganisation(t, admin, 'Office of the Police and Crime Commissioner', 'OPCC');
    const reassign = async (ownerOrganisationId: string, extra: object = {}) => {
      const { version } = await detail();
      return ok<Detail>(
        await t.request({
          method: 'PATCH',
          url: `/api/v1/actions/${actionId}`,
          as: admin,
          headers: { 'if-match': `W/"${actionId}:${version}"` },
          payload: { ownerOrganisationId, ...extra },
        }),
      );
    };
    const moved = await reassign(opcc.id);
    expect(last(moved)).toMatchObject({
      kind: 'reassigned',
      public: false,
      text: 'Reassigned from WMP to OPCC.',
    });
    expect(await outside()).not.toContain('Reassigned from WMP to OPCC.');

    const back = await reassign(fx.wmpId, { reassignmentPublic: true });
    expect(last(back)).toMatchObject({
      kind: 'reassigned',
      public: true,
      text: 'Reassigned from OPCC to WMP.',
    });
    expect(await outside()).toContain('Reassigned from OPCC to WMP.');
  });

  it('proposals, closing notes and reopen reasons are published when `public: true` is sent', async () => {
    const proposal = `Published proposal ${tag}`;
    await ok(
      await post(t, officer, `/api/v1/actions/${actionId}/propose-completion`, {
        text: proposal,
        public: true,
      }),
    );
    const reason = `Published reopen reason ${tag}`;
    await ok(await post(t, admin, `/api/v1/actions/${actionId}/reopen`, { note: reason, public: true }));
    const closing = secret('closing note');
    const closed = await ok<Detail>(
      await post(t, admin, `/api/v1/actions/${actionId}/close`, { note: closing }),
    );
    expect(last(closed)).toMatchObject({ kind: 'closed', public: false });
    const seen = await outside();
    expect(seen).toContain(proposal);
    expect(seen).toContain(reason);
    // An unpublished closing note is the secretariat's and the owner's, like any update: not the
    // public's, not members' (the action's closureNote is withheld too), nor the public action log's.
    expect((await publicOutputs()).join('\n')).not.toContain(closing);
    const asMember = await t.request({ method: 'GET', url: `/api/v1/actions/${actionId}`, as: member });
    expect(asMember.body).not.toContain(closing);
    const list = await t.request({ method: 'GET', url: `/api/v1/actions?boardId=${fx.boardId}`, as: member });
    expect(list.body).not.toContain(closing);
    const log = await t.request({
      method: 'GET',
      url: `/api/v1/boards/${fx.boardId}/action-log.html`,
      as: member,
    });
    expect(log.body).not.toContain(closing);
    const asOwner = await t.request({ method: 'GET', url: `/api/v1/actions/${actionId}`, as: officer });
    expect((asOwner.json() as { closureNote: string | null }).closureNote).toBe(closing);
    const note = `Published closing note ${tag}`;
    await ok(await post(t, admin, `/api/v1/actions/${actionId}/reopen`, { note: 'Again' }));
    await ok(await post(t, admin, `/api/v1/actions/${actionId}/close`, { note, public: true }));
    expect(await outside()).toContain(note);
    const published = await t.request({ method: 'GET', url: `/api/v1/actions/${actionId}`, as: member });
    expect((published.json() as { closureNote: string | null }).closureNote).toBe(note);
  });

  it('the secretariat and the owning officers still read every update', async () => {
    const texts = (await detail()).updates.map((u) => u.text).join('\n');
    const own = await ok<Detail>(
      await t.request({ method: 'GET', url: `/api/v1/actions/${actionId}`, as: officer }),
    );
    for (const what of ['progress', 'proposal', 'reopen reason', 'closing note']) {
      expect(texts).toContain(secret(what));
      expect(own.updates.map((u) => u.text).join('\n')).toContain(secret(what));
    }
  });

  it('the OpenAPI document says where the text goes, and that it is off by default', async () => {
    const doc = (await t.request({ method: 'GET', url: '/openapi.json' })).json() as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>
      >;
    };
    for (const [path, field] of [
      ['/api/v1/actions/{id}/updates', 'public'],
      ['/api/v1/actions/{id}/propose-completion', 'public'],
      ['/api/v1/actions/{id}/reopen', 'public'],
      ['/api/v1/actions/{id}/close', 'public'],
    ] as const) {
      const op = doc.paths[path]!.post!;
      const schema = op.requestBody!.content['application/json']!.schema as {
        properties: Record<string, { default?: unknown; description?: string }>;
      };
      expect(schema.properties[field], path).toMatchObject({ default: false });
      expect(schema.properties[field]!.description, path).toMatch(/^Published on the public website/);
    }
    const patch = doc.paths['/api/v1/actions/{id}']!.patch!.requestBody!.content['application/json']!
      .schema as {
      properties: Record<string, { default?: unknown; description?: string }>;
    };
    expect(patch.properties.reassignmentPublic).toMatchObject({ default: false });
    expect(patch.properties.reassignmentPublic!.description).toContain('public website');
  });
});
