import { afterAll, beforeAll, describe } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import {
  createMeeting,
  describeWriteMatrix,
  insertQuestion,
  type MatrixUsers,
  type ReferenceBoard,
  secretariatOnly,
  setUpMatrix,
} from '../helpers/domain-fixtures.ts';

/** Every question write × every kind of caller. The member here did not submit the question. */
describe('permission matrix for question writes', () => {
  let t: TestApp;
  let ref: ReferenceBoard;
  let users: MatrixUsers;
  beforeAll(async () => {
    ({ t, ref, users } = await setUpMatrix());
  });
  afterAll(() => t.close());

  const fixture = async () => {
    const db = t.database.db;
    const inAMonth = new Date(Date.now() + 30 * 86_400_000);
    const meetingId = (await createMeeting(db, ref.board.id, { startsAt: inAMonth })).id;
    return {
      question: (await insertQuestion(db, ref.march.id, { itemId: ref.items.domesticAbuse.id })).id,
      exempt: (await insertQuestion(db, ref.march.id, { itemId: ref.items.exempt.id })).id,
      meetingId,
      future: [(await insertQuestion(db, meetingId)).id, (await insertQuestion(db, meetingId)).id],
    };
  };
  const api = '/api/v1';
  const onlyMembers = {
    ...secretariatOnly(403),
    member: 201,
    anonymous: 401,
  };

  describeWriteMatrix(() => ({ t, users }), fixture, [
    {
      name: 'POST /meetings/:id/questions',
      request: () => ({
        method: 'POST',
        url: `${api}/meetings/${ref.march.id}/questions`,
        payload: { source: 'in_meeting', text: 'What assurance can you give?' },
      }),
      expect: secretariatOnly(201),
    },
    {
      name: 'POST /meetings/:id/questions/submit',
      request: (f) => ({
        method: 'POST',
        url: `${api}/meetings/${f.meetingId}/questions/submit`,
        payload: { text: 'What is the plan?' },
      }),
      expect: onlyMembers,
    },
    {
      name: 'PATCH /questions/:id',
      request: (f) => ({
        method: 'PATCH',
        url: `${api}/questions/${f.question}`,
        headers: { 'if-match': `W/"${f.question}:1"` },
        payload: { text: 'Changed' },
      }),
      expect: secretariatOnly(200),
    },
    {
      name: 'PATCH /questions/:id under an exempt item (hidden from members: 404)',
      request: (f) => ({
        method: 'PATCH',
        url: `${api}/questions/${f.exempt}`,
        headers: { 'if-match': `W/"${f.exempt}:1"` },
        payload: { text: 'Changed' },
      }),
      expect: { ...secretariatOnly(200), member: 404, otherSecretariat: 404 },
    },
    {
      name: 'DELETE /questions/:id',
      request: (f) => ({ method: 'DELETE', url: `${api}/questions/${f.question}` }),
      expect: secretariatOnly(204),
    },
    {
      name: 'PUT /meetings/:id/questions/order',
      request: (f) => ({
        method: 'PUT',
        url: `${api}/meetings/${f.meetingId}/questions/order`,
        payload: { questionIds: f.future },
      }),
      expect: secretariatOnly(200),
    },
  ]);
});
