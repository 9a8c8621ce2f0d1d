/**
 * Finding 7 of issue 14, the publication side: renaming a directory record (here the organisation
 * that owns the board's actions and attends its meetings) leaves every published version byte for
 * byte as published — the notes' canonical JSON and its PDF keep the old name — while the live public
 * pages (the action tracker, an action's page) print the record's current name. Decided and
 * documented in docs/authorisation-matrix.md. This confirms what already held (versions are frozen
 * in the database); it guards the decision rather than a fix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { buildPublishedMeeting, ok, type PublishedMeeting } from './fixtures.ts';

describe('renaming a directory record after publication', () => {
  let t: TestApp;
  let admin: TestUser;
  let published: PublishedMeeting;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user({ roles: ['admin'] });
    published = await buildPublishedMeeting(t, admin);
  }, 120_000);
  afterAll(() => t.close());

  it('the published notes keep the name as published; the live tracker shows the current name', async () => {
    const version = `/public/v1/meetings/${published.meetingId}/notes/versions/1`;
    const before = await t.request({ method: 'GET', url: version });
    expect(before.statusCode, before.body.slice(0, 200)).toBe(200);
    expect(before.body).toContain('WMP');
    const pdfBefore = await t.request({ method: 'GET', url: `${version}/pdf` });

    await ok(
      await t.request({
        method: 'PATCH',
        url: `/api/v1/organisations/${published.wmpId}`,
        as: admin,
        payload: { name: 'West Midlands Police Service', shortName: 'WMPS' },
      }),
    );

    const after = await t.request({ method: 'GET', url: version });
    expect(after.body).toBe(before.body);
    expect(after.headers.etag).toBe(before.headers.etag);
    expect(after.body).not.toContain('WMPS');
    const pdfAfter = await t.request({ method: 'GET', url: `${version}/pdf` });
    expect(pdfAfter.rawPayload.equals(pdfBefore.rawPayload)).toBe(true);

    const action = await ok<{ owner: { name: string } }>(
      await t.request({ method: 'GET', url: `/public/v1/actions/${published.publicActionId}` }),
    );
    expect(action.owner.name).toBe('West Midlands Police Service');
  });
});
