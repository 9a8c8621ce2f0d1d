import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectProblem, type TestApp, type TestUser } from '../helpers/app.ts';
import {
  createMeeting,
  createReferenceBoard,
  type ReferenceBoard,
  snapshot,
} from '../helpers/domain-fixtures.ts';

const api = '/api/v1';
const unknownId = '00000000-0000-4000-8000-000000000000';

/** Bad input to the question routes is a 4xx problem, never a 5xx, and writes nothing. */
describe('questions: invalid input', () => {
  let t: TestApp;
  let ref: ReferenceBoard;
  let secretariat: TestUser;
  let member: TestUser;
  let questionId: string;
  let etag: string;
  let futureId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ref = await createReferenceBoard(t.database.db);
    secretariat = await t.user({ roles: ['secretariat', 'member'], boards: [ref.board.id] });
    member = await t.user({ roles: ['member'] });
    const created = await t.request({
      method: 'POST',
      url: `${api}/meetings/${ref.march.id}/questions`,
      as: secretariat,
      payload: { source: 'pre_submitted', text: 'Why?' },
    });
    questionId = created.json().id;
    etag = created.headers.etag as string;
    futureId = (
      await createMeeting(t.database.db, ref.board.id, { startsAt: new Date(Date.now() + 30 * 86_400_000) })
    ).id;
  });
  afterAll(() => t.close());

  const create = (payload: unknown) => ({
    method: 'POST' as const,
    url: `/meetings/${ref.march.id}/questions`,
    payload,
  });
  type Case = [
    string,
    () => {
      method: 'POST' | 'PATCH' | 'PUT' | 'GET';
      url: string;
      payload?: unknown;
      headers?: Record<string, string>;
    },
    number,
  ];
  const cases: Case[] = [
    ['create: no source', () => create({ text: 'Why?' }), 400],
    ['create: unknown source', () => create({ source: 'email', text: 'Why?' }), 400],
    ['create: empty text', () => create({ source: 'in_meeting', text: '' }), 400],
    ['create: text too long', () => create({ source: 'in_meeting', text: 'x'.repeat(4001) }), 400],
    ['create: NUL in text', () => create({ source: 'in_meeting', text: 'a\u0000b' }), 400],
    ['create: number 0', () => create({ source: 'pre_submitted', text: 'Why?', number: 0 }), 400],
    ['create: fractional number', () => create({ source: 'pre_submitted', text: 'Why?', number: 1.5 }), 400],
    ['create: number as text', () => create({ source: 'pre_submitted', text: 'Why?', number: '3' }), 400],
    [
      'create: answer bullets not a list',
      () => create({ source: 'in_meeting', text: 'Why?', answerBullets: 'yes' }),
      400,
    ],
    [
      'create: an empty bullet',
      () => create({ source: 'in_meeting', text: 'Why?', answerBullets: ['a', ' '] }),
      400,
    ],
    [
      'create: 101 bullets',
      () => create({ source: 'in_meeting', text: 'Why?', answerBullets: Array(101).fill('a') }),
      400,
    ],
    [
      'create: answer HTML too long',
      () => create({ source: 'in_meeting', text: 'Why?', answerHtml: 'x'.repeat(100_001) }),
      400,
    ],
    [
      'create: unknown asker',
      () => create({ source: 'in_meeting', text: 'Why?', askedByPersonId: unknownId }),
      400,
    ],
    [
      'create: answerer not a uuid',
      () => create({ source: 'in_meeting', text: 'Why?', answeredByPersonId: 'Richard North' }),
      400,
    ],
    [
      'create: item of another meeting',
      () => ({
        method: 'POST',
        url: `/meetings/${ref.april.id}/questions`,
        payload: { source: 'in_meeting', text: 'Why?', itemId: ref.items.vawg.id },
      }),
      400,
    ],
    [
      'create: mass-assigned submitter',
      () => create({ source: 'in_meeting', text: 'Why?', submittedByUserId: unknownId }),
      400,
    ],
    ['create: mass-assigned version', () => create({ source: 'in_meeting', text: 'Why?', version: 9 }), 400],
    [
      'create: unknown meeting',
      () => ({
        method: 'POST',
        url: `/meetings/${unknownId}/questions`,
        payload: { source: 'in_meeting', text: 'Why?' },
      }),
      404,
    ],
    [
      'submit: with a number',
      () => ({
        method: 'POST',
        url: `/meetings/${futureId}/questions/submit`,
        payload: { text: 'Why?', number: 1 },
      }),
      400,
    ],
    [
      'submit: no text',
      () => ({ method: 'POST', url: `/meetings/${futureId}/questions/submit`, payload: {} }),
      400,
    ],
    [
      'submit: item of another meeting',
      () => ({
        method: 'POST',
        url: `/meetings/${futureId}/questions/submit`,
        payload: { text: 'Why?', itemId: ref.items.vawg.id },
      }),
      400,
    ],
    [
      'patch: If-Match of another resource',
      () => ({
        method: 'PATCH',
        url: `/questions/${questionId}`,
        payload: { text: 'x' },
        headers: { 'if-match': `W/"${unknownId}:1"` },
      }),
      412,
    ],
    [
      'patch: a number for an in-meeting question',
      () => ({
        method: 'PATCH',
        url: `/questions/${questionId}`,
        payload: { source: 'in_meeting', number: 1 },
        headers: { 'if-match': etag },
      }),
      400,
    ],
    [
      'patch: both answer forms',
      () => ({
        method: 'PATCH',
        url: `/questions/${questionId}`,
        payload: { answerBullets: ['a'], answerHtml: '<p>b</p>' },
        headers: { 'if-match': etag },
      }),
      400,
    ],
    [
      'order: not uuids',
      () => ({
        method: 'PUT',
        url: `/meetings/${ref.march.id}/questions/order`,
        payload: { questionIds: ['a'] },
      }),
      400,
    ],
    [
      'order: duplicates',
      () => ({
        method: 'PUT',
        url: `/meetings/${ref.march.id}/questions/order`,
        payload: { questionIds: [questionId, questionId] },
      }),
      400,
    ],
    ['get: id not a uuid', () => ({ method: 'GET', url: '/questions/42' }), 400],
  ];

  it.each(cases)('%s → %i', async (_name, make, status) => {
    const before = await snapshot(t.database.db, ['questions']);
    const { url, payload, ...opts } = make();
    const res = await t.request({
      ...opts,
      url: `${api}${url}`,
      as: url.includes('/submit') ? member : secretariat,
      ...(payload === undefined
        ? {}
        : {
            payload: JSON.stringify(payload),
            headers: { 'content-type': 'application/json', ...opts.headers },
          }),
    });
    expectProblem(res, status);
    expect(await snapshot(t.database.db, ['questions'])).toBe(before);
  });
});
