import { afterAll, beforeAll, describe } from 'vitest';
import type { TestApp } from '../helpers/app.ts';
import {
  describeWriteMatrix,
  insertAction,
  type MatrixUsers,
  ownerOrSecretariat,
  type ReferenceBoard,
  secretariatOnly,
  setUpMatrix,
} from '../helpers/domain-fixtures.ts';

/** Every action write × every kind of caller (WMP owns the actions; the "other" officer is from the OPCC). */
describe('permission matrix for action writes', () => {
  let t: TestApp;
  let ref: ReferenceBoard;
  let users: MatrixUsers;
  beforeAll(async () => {
    ({ t, ref, users } = await setUpMatrix());
  });
  afterAll(() => t.close());

  const fixture = async () => {
    const db = t.database.db;
    const base = { boardId: ref.board.id, meetingId: ref.march.id, ownerOrganisationId: ref.wmp.id };
    return {
      open: (await insertAction(db, base)).id,
      closed: (await insertAction(db, { ...base, status: 'closed' })).id,
      opccOnly: (await insertAction(db, { ...base, confidentiality: 'opcc_only' })).id,
    };
  };
  const api = '/api/v1';
  const hiddenFromAllButSecretariat = {
    ...secretariatOnly(201),
    otherSecretariat: 404,
    officerOwn: 404,
    officerOther: 404,
    member: 404,
  };

  describeWriteMatrix(() => ({ t, users }), fixture, [
    {
      name: 'POST /meetings/:id/actions',
      request: () => ({
        method: 'POST',
        url: `${api}/meetings/${ref.march.id}/actions`,
        payload: { text: 'WMP to report back.', ownerOrganisationId: ref.wmp.id },
      }),
      expect: secretariatOnly(201),
    },
    {
      name: 'PATCH /actions/:id',
      request: (f) => ({
        method: 'PATCH',
        url: `${api}/actions/${f.open}`,
        headers: { 'if-match': `W/"${f.open}:1"` },
        payload: { text: 'Changed' },
      }),
      expect: secretariatOnly(200),
    },
    {
      name: 'POST /actions/:id/updates',
      request: (f) => ({
        method: 'POST',
        url: `${api}/actions/${f.open}/updates`,
        payload: { text: 'Progress' },
      }),
      expect: ownerOrSecretariat(201),
    },
    {
      name: 'POST /actions/:id/propose-completion',
      request: (f) => ({
        method: 'POST',
        url: `${api}/actions/${f.open}/propose-completion`,
        payload: { text: 'Done' },
      }),
      expect: ownerOrSecretariat(200),
    },
    {
      name: 'POST /actions/:id/close',
      request: (f) => ({
        method: 'POST',
        url: `${api}/actions/${f.open}/close`,
        payload: { note: 'Closed' },
      }),
      expect: secretariatOnly(200),
    },
    {
      name: 'POST /actions/:id/reopen',
      request: (f) => ({
        method: 'POST',
        url: `${api}/actions/${f.closed}/reopen`,
        payload: { note: 'Again' },
      }),
      expect: secretariatOnly(200),
    },
    {
      name: 'POST /actions/:id/updates on an OPCC-only action (hidden: 404)',
      request: (f) => ({
        method: 'POST',
        url: `${api}/actions/${f.opccOnly}/updates`,
        payload: { text: 'Progress' },
      }),
      expect: hiddenFromAllButSecretariat,
    },
    {
      name: 'POST /actions/:id/close on an OPCC-only action (hidden: 404)',
      request: (f) => ({ method: 'POST', url: `${api}/actions/${f.opccOnly}/close`, payload: { note: 'x' } }),
      expect: { ...hiddenFromAllButSecretariat, admin: 200, secretariat: 200 },
    },
  ]);
});
