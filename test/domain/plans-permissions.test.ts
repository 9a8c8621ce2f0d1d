import { afterAll, beforeAll, describe } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import {
  anySecretariat,
  describeWriteMatrix,
  insertAction,
  type MatrixUsers,
  type ReferenceBoard,
  secretariatOnly,
  setUpMatrix,
} from '../helpers/domain-fixtures.ts';

/**
 * Plan writes × every kind of caller. Plans are the commissioner's, not one board's, so any
 * secretariat user may edit them; links to a board's items, questions or actions need that board.
 */
describe('permission matrix for plan writes', () => {
  let t: TestApp;
  let ref: ReferenceBoard;
  let users: MatrixUsers;
  beforeAll(async () => {
    ({ t, ref, users } = await setUpMatrix());
  });
  afterAll(() => t.close());

  const fixture = async () => {
    const db = t.database.db;
    const plan = await db
      .insertInto('plans')
      .values({ title: 'Police and Crime Plan 2025-2029', starts_on: '2025-05-08', ends_on: '2029-05-09' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const commitment = await db
      .insertInto('commitments')
      .values({
        plan_id: plan.id,
        ref: 147,
        text: 'Ensure effective prevention of online child sexual abuse.',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const rating = await db
      .insertInto('commitment_ratings')
      .values({ commitment_id: commitment.id, period: 'Q1 25/26', rating: 'green' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const action = await insertAction(db, {
      boardId: ref.board.id,
      meetingId: ref.march.id,
      ownerOrganisationId: ref.wmp.id,
    });
    const link = await db
      .insertInto('commitment_links')
      .values({ commitment_id: commitment.id, item_id: ref.items.vawg.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { plan: plan.id, commitment: commitment.id, rating: rating.id, action: action.id, link: link.id };
  };
  const api = '/api/v1';

  describeWriteMatrix(() => ({ t, users }), fixture, [
    {
      name: 'POST /plans',
      request: () => ({
        method: 'POST',
        url: `${api}/plans`,
        payload: { title: 'Police and Crime Plan 2029-2033', startsOn: '2029-05-10', endsOn: '2033-05-09' },
      }),
      expect: anySecretariat(201),
    },
    {
      name: 'PATCH /plans/:id',
      request: (f) => ({ method: 'PATCH', url: `${api}/plans/${f.plan}`, payload: { title: 'Renamed' } }),
      expect: anySecretariat(200),
    },
    {
      name: 'DELETE /plans/:id',
      request: (f) => ({ method: 'DELETE', url: `${api}/plans/${f.plan}` }),
      expect: anySecretariat(204),
    },
    {
      name: 'POST /plans/:id/commitments',
      request: (f) => ({
        method: 'POST',
        url: `${api}/plans/${f.plan}/commitments`,
        payload: { ref: 148, text: 'Work with the ROCU and the NCA.' },
      }),
      expect: anySecretariat(201),
    },
    {
      name: 'PATCH /commitments/:id',
      request: (f) => ({
        method: 'PATCH',
        url: `${api}/commitments/${f.commitment}`,
        headers: { 'if-match': `W/"${f.commitment}:1"` },
        payload: { chapter: 'Violence' },
      }),
      expect: anySecretariat(200),
    },
    {
      name: 'DELETE /commitments/:id',
      request: (f) => ({ method: 'DELETE', url: `${api}/commitments/${f.commitment}` }),
      expect: anySecretariat(204),
    },
    {
      name: 'POST /commitments/:id/ratings',
      request: (f) => ({
        method: 'POST',
        url: `${api}/commitments/${f.commitment}/ratings`,
        payload: { period: 'Q2 25/26', rating: 'amber' },
      }),
      expect: anySecretariat(200),
    },
    {
      name: 'DELETE /commitments/:id/ratings/:ratingId',
      request: (f) => ({ method: 'DELETE', url: `${api}/commitments/${f.commitment}/ratings/${f.rating}` }),
      expect: anySecretariat(204),
    },
    {
      name: 'POST /commitments/:id/links',
      request: (f) => ({
        method: 'POST',
        url: `${api}/commitments/${f.commitment}/links`,
        payload: { actionId: f.action },
      }),
      expect: secretariatOnly(201),
    },
    {
      name: 'DELETE /commitments/:id/links/:linkId',
      request: (f) => ({ method: 'DELETE', url: `${api}/commitments/${f.commitment}/links/${f.link}` }),
      expect: secretariatOnly(204),
    },
  ]);
});
