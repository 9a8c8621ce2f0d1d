import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { inspectPdf } from '../render/pdf-inspect.ts';

describe('demo seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('builds the reference meeting and a following one where actions carry forward, get updates and close', async () => {
    const publishing = { documents: t.app.documents.service, protectiveMarking: 'OFFICIAL' };
    const first = await seedDemo(t.database.db, { publishing });
    expect(first).toMatchObject({ created: true, published: true });
    const db = t.database.db;
    const meetings = await db
      .selectFrom('meetings')
      .select(['id', 'starts_at', 'status', 'notes_approved_at_meeting_id'])
      .orderBy('starts_at')
      .execute();
    expect(meetings.map((m) => m.starts_at.toISOString())).toEqual([
      '2026-03-24T10:00:00.000Z',
      '2026-04-28T09:00:00.000Z',
    ]);
    // March: published, approved at April; April: held, its notes still to draft.
    expect(meetings.map((m) => m.status)).toEqual(['published', 'held']);
    expect(meetings[0]!.notes_approved_at_meeting_id).toBe(meetings[1]!.id);
    const actions = await db
      .selectFrom('actions')
      .select(['reference', 'status'])
      .orderBy('reference')
      .execute();
    expect(actions).toEqual([
      { reference: 'AGB/2026-03/1', status: 'in_progress' },
      { reference: 'AGB/2026-03/2', status: 'closed' },
      { reference: 'AGB/2026-03/3', status: 'in_progress' },
      { reference: 'AGB/2026-03/4', status: 'open' },
    ]);
    const commitments = await db.selectFrom('commitments').select('ref').execute();
    expect(commitments.map((c) => c.ref).sort((a, b) => a - b)).toEqual([
      34, 38, 39, 43, 46, 47, 147, 148, 149, 256,
    ]);

    // Matters arising at the April meeting: the three actions still open, not the closed one.
    const secretariat = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'secretariat@example.org', password: 'boardroom-demo-2026' },
    });
    const token = (secretariat.json() as { accessToken: string }).accessToken;
    const res = await t.request({
      method: 'GET',
      url: `/api/v1/meetings/${meetings[1]!.id}/matters-arising`,
      as: token,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(JSON.stringify(res.json())).toContain('AGB/2026-03/1');
    expect(JSON.stringify(res.json())).not.toContain('AGB/2026-03/2"');

    // The officer account sees WMP's actions.
    const officer = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'officer@example.org', password: 'boardroom-demo-2026' },
    });
    expect(officer.statusCode).toBe(200);

    // The public sees the March notes, their PDF, and the actions with WMP's public updates.
    const march = await t.request({ method: 'GET', url: `/public/v1/meetings/${meetings[0]!.id}` });
    expect(march.statusCode, march.body).toBe(200);
    const pdf = await t.request({
      method: 'GET',
      url: `/public/v1/meetings/${meetings[0]!.id}/notes/versions/1/pdf`,
    });
    expect(pdf.statusCode).toBe(200);
    const text = (await inspectPdf(new Uint8Array(pdf.rawPayload))).text;
    expect(text).toContain('Notes of the Meeting');
    expect(text).toContain('Tuesday 24 March 2026');
    expect(text).not.toContain('DRAFT');
    const page = await t.request({ method: 'GET', url: `/meetings/${meetings[0]!.id}` });
    expect(page.body).toContain(`/public/v1/meetings/${meetings[0]!.id}/notes/versions/1/pdf`);
    const board = await db.selectFrom('boards').select('id').executeTakeFirstOrThrow();
    const boardActions = await t.request({ method: 'GET', url: `/boards/${board.id}/actions` });
    expect(boardActions.statusCode).toBe(200);
    expect(boardActions.body).toContain('AGB/2026-03/1');
    expect(boardActions.body).toContain('Risk matrix drafted; awaiting sign-off by ACC North.');
  });

  it('leaves the March notes approved, not published, without a document service to print them (no Chromium)', async () => {
    const other = await createTestApp();
    try {
      const seeded = await seedDemo(other.database.db);
      expect(seeded).toMatchObject({ created: true, published: false });
      const march = await other.database.db
        .selectFrom('meetings')
        .select('status')
        .orderBy('starts_at')
        .executeTakeFirstOrThrow();
      expect(march.status).toBe('notes_approved');
    } finally {
      await other.close();
    }
  });

  it('is idempotent', async () => {
    const again = await seedDemo(t.database.db);
    expect(again.created).toBe(false);
    expect(await t.database.db.selectFrom('boards').select('id').execute()).toHaveLength(1);
  });
});
