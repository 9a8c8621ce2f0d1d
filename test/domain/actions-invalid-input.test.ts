import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../../src/http/pagination.ts';
import { createTestApp, expectProblem, type TestApp, type TestUser } from '../helpers/app.ts';
import { createReferenceBoard, type ReferenceBoard, snapshot } from '../helpers/domain-fixtures.ts';

const api = '/api/v1';
const unknownId = '00000000-0000-4000-8000-000000000000';

/** Bad input to the action routes is a 4xx problem, never a 5xx, and writes nothing. */
describe('actions: invalid input', () => {
  let t: TestApp;
  let ref: ReferenceBoard;
  let secretariat: TestUser;
  let actionId: string;
  let etag: string;

  beforeAll(async () => {
    t = await createTestApp();
    ref = await createReferenceBoard(t.database.db);
    secretariat = await t.user({ roles: ['secretariat'], boards: [ref.board.id] });
    const created = await t.request({
      method: 'POST',
      url: `${api}/meetings/${ref.march.id}/actions`,
      as: secretariat,
      payload: { text: 'WMP to report.', ownerOrganisationId: ref.wmp.id },
    });
    actionId = created.json().id;
    etag = created.headers.etag as string;
  });
  afterAll(() => t.close());

  const valid = () => ({ text: 'WMP to report back.', ownerOrganisationId: ref.wmp.id });
  const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(512 * 1024)]).toString('base64');

  type Case = [
    string,
    () => {
      method: 'POST' | 'PATCH' | 'GET';
      url: string;
      payload?: unknown;
      headers?: Record<string, string>;
    },
    number,
  ];
  const cases: Case[] = [
    [
      'create: empty body',
      () => ({ method: 'POST', url: `/meetings/${ref.march.id}/actions`, payload: {} }),
      400,
    ],
    [
      'create: body is an array',
      () => ({ method: 'POST', url: `/meetings/${ref.march.id}/actions`, payload: [] }),
      400,
    ],
    [
      'create: empty text',
      () => ({
        method: 'POST',
        url: `/meetings/${ref.march.id}/actions`,
        payload: { ...valid(), text: '  ' },
      }),
      400,
    ],
    [
      'create: text too long',
      () => ({
        method: 'POST',
        url: `/meetings/${ref.march.id}/actions`,
        payload: { ...valid(), text: 'x'.repeat(4001) },
      }),
      400,
    ],
    [
      'create: control character',
      () => ({
        method: 'POST',
        url: `/meetings/${ref.march.id}/actions`,
        payload: { ...valid(), text: 'a\u0007b' },
      }),
      400,
    ],
    [
      'create: owner not a uuid',
      () => ({
        method: 'POST',
        url: `/meetings/${ref.march.id}/actions`,
        payload: { ...valid(), ownerOrganisationId: 'WMP' },
      }),
      400,
    ],
    [
      'create: unknown owner',
      () => ({
        method: 'POST',
        url: `/meetings/${ref.march.id}/actions`,
        payload: { ...valid(), ownerOrganisationId: unknownId },
      }),
      400,
    ],
    [
      'create: owner person of another organisation',
      () => ({
        method: 'POST',
        url: `/meetings/${ref.march.id}/actions`,
        payload: { ...valid(), ownerPersonId: ref.people.wasim.id },
      }),
      400,
    ],
    [
      'create: mass-assigned status',
      () => ({
        method: 'POST',
        url: `/meetings/${ref.march.id}/actions`,
        payload: { ...valid(), status: 'closed' },
      }),
      400,
    ],
    [
      'create: mass-assigned reference',
      () => ({
        method: 'POST',
        url: `/meetings/${ref.march.id}/actions`,
        payload: { ...valid(), reference: 'AGB/1999-01/1' },
      }),
      400,
    ],
    [
      'create: impossible due date',
      () => ({
        method: 'POST',
        url: `/meetings/${ref.march.id}/actions`,
        payload: { ...valid(), dueDate: '2026-02-30' },
      }),
      400,
    ],
    [
      'create: unknown confidentiality',
      () => ({
        method: 'POST',
        url: `/meetings/${ref.march.id}/actions`,
        payload: { ...valid(), confidentiality: 'secret' },
      }),
      400,
    ],
    [
      'create: item of another meeting',
      () => ({
        method: 'POST',
        url: `/meetings/${ref.april.id}/actions`,
        payload: { ...valid(), itemId: ref.items.vawg.id },
      }),
      400,
    ],
    [
      'create: unknown question',
      () => ({
        method: 'POST',
        url: `/meetings/${ref.march.id}/actions`,
        payload: { ...valid(), questionId: unknownId },
      }),
      400,
    ],
    [
      'create: meeting id not a uuid',
      () => ({ method: 'POST', url: '/meetings/not-a-uuid/actions', payload: valid() }),
      400,
    ],
    [
      'create: unknown meeting',
      () => ({ method: 'POST', url: `/meetings/${unknownId}/actions`, payload: valid() }),
      404,
    ],
    [
      'patch: status other than superseded',
      () => ({
        method: 'PATCH',
        url: `/actions/${actionId}`,
        payload: { status: 'closed' },
        headers: { 'if-match': etag },
      }),
      400,
    ],
    [
      'patch: unknown owner',
      () => ({
        method: 'PATCH',
        url: `/actions/${actionId}`,
        payload: { ownerOrganisationId: unknownId },
        headers: { 'if-match': etag },
      }),
      400,
    ],
    [
      'patch: If-Match of another resource',
      () => ({
        method: 'PATCH',
        url: `/actions/${actionId}`,
        payload: { text: 'x' },
        headers: { 'if-match': `W/"${unknownId}:1"` },
      }),
      412,
    ],
    [
      'update: empty text',
      () => ({ method: 'POST', url: `/actions/${actionId}/updates`, payload: { text: '' } }),
      400,
    ],
    [
      'update: evidence file name is a path',
      () => ({
        method: 'POST',
        url: `/actions/${actionId}/updates`,
        payload: { text: 'x', evidence: { filename: '../etc/passwd', contentBase64: 'JVBERi0=' } },
      }),
      400,
    ],
    [
      'update: evidence not base64',
      () => ({
        method: 'POST',
        url: `/actions/${actionId}/updates`,
        payload: { text: 'x', evidence: { filename: 'a.pdf', contentBase64: '%%%%' } },
      }),
      400,
    ],
    [
      'update: evidence over 512 KiB',
      () => ({
        method: 'POST',
        url: `/actions/${actionId}/updates`,
        payload: { text: 'x', evidence: { filename: 'a.pdf', contentBase64: big } },
      }),
      413,
    ],
    [
      'update: evidence not a PDF',
      () => ({
        method: 'POST',
        url: `/actions/${actionId}/updates`,
        payload: {
          text: 'x',
          evidence: { filename: 'a.pdf', contentBase64: Buffer.from('PK\u0003\u0004zip').toString('base64') },
        },
      }),
      415,
    ],
    ['close: no note', () => ({ method: 'POST', url: `/actions/${actionId}/close`, payload: {} }), 400],
    [
      'close: closedOn not a date',
      () => ({
        method: 'POST',
        url: `/actions/${actionId}/close`,
        payload: { note: 'x', closedOn: 'yesterday' },
      }),
      400,
    ],
    [
      'close: closedOn before the meeting',
      () => ({
        method: 'POST',
        url: `/actions/${actionId}/close`,
        payload: { note: 'x', closedOn: '2026-03-23' },
      }),
      400,
    ],
    [
      'reopen: an open action',
      () => ({ method: 'POST', url: `/actions/${actionId}/reopen`, payload: { note: 'x' } }),
      409,
    ],
    ['list: unknown status', () => ({ method: 'GET', url: '/actions?status=open,bogus' }), 400],
    ['list: overdue=yes', () => ({ method: 'GET', url: '/actions?overdue=yes' }), 400],
    ['list: unknown sort', () => ({ method: 'GET', url: '/actions?sort=text' }), 400],
    ['list: limit 0', () => ({ method: 'GET', url: '/actions?limit=0' }), 400],
    ['list: limit 201', () => ({ method: 'GET', url: '/actions?limit=201' }), 400],
    ['list: dueBefore month 13', () => ({ method: 'GET', url: '/actions?dueBefore=2026-13-01' }), 400],
    ['list: garbage cursor', () => ({ method: 'GET', url: '/actions?cursor=%%%' }), 400],
    [
      'list: cursor with bad values',
      () => ({ method: 'GET', url: `/actions?cursor=${encodeCursor(['not a date', 'x', 'y'])}` }),
      400,
    ],
    [
      'list: cursor with a bad number',
      () => ({
        method: 'GET',
        url: `/actions?sort=reference&cursor=${encodeCursor(['AGB/', '99999999999', unknownId])}`,
      }),
      400,
    ],
    ['get: id not a uuid', () => ({ method: 'GET', url: '/actions/1%20or%201=1' }), 400],
    [
      'evidence: unknown update',
      () => ({ method: 'GET', url: `/actions/${actionId}/updates/${unknownId}/evidence` }),
      404,
    ],
    [
      'matters arising: unknown meeting',
      () => ({ method: 'GET', url: `/meetings/${unknownId}/matters-arising` }),
      404,
    ],
  ];

  it.each(cases)('%s → %i', async (_name, make, status) => {
    const before = await snapshot(t.database.db, ['actions', 'action_updates', 'files']);
    const { url, payload, ...opts } = make();
    const res = await t.request({
      ...opts,
      url: `${api}${url}`,
      as: secretariat,
      ...(payload === undefined
        ? {}
        : {
            payload: JSON.stringify(payload),
            headers: { 'content-type': 'application/json', ...opts.headers },
          }),
    });
    expectProblem(res, status);
    expect(await snapshot(t.database.db, ['actions', 'action_updates', 'files'])).toBe(before);
  });

  it('text with O’Hara, Queiroz, £ and emoji round-trips exactly', async () => {
    const text = "Mike O'Hara and Natalie Queiroz: £5 million 🚓👮🏽‍♀️ — “quoted” <b>not bold</b> & done";
    const res = await t.request({
      method: 'POST',
      url: `${api}/meetings/${ref.march.id}/actions`,
      as: secretariat,
      payload: { text, ownerOrganisationId: ref.wmp.id },
    });
    expect(res.json().text).toBe(text);
    const update = await t.request({
      method: 'POST',
      url: `${api}/actions/${res.json().id}/updates`,
      as: secretariat,
      payload: { text },
    });
    expect(update.json().updates[0].text).toBe(text);
    const closed = await t.request({
      method: 'POST',
      url: `${api}/actions/${res.json().id}/close`,
      as: secretariat,
      payload: { note: text },
    });
    expect(closed.json().closureNote).toBe(text);
    const row = await t.database.db
      .selectFrom('actions')
      .select('text')
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(row.text).toBe(text);
  });
});
