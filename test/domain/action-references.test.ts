import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { createReferenceBoard, type ReferenceBoard } from '../helpers/domain-fixtures.ts';

describe('action references', () => {
  let t: TestApp;
  let admin: TestUser;
  let ref: ReferenceBoard;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user({ roles: ['admin'] });
    ref = await createReferenceBoard(t.database.db);
  });
  afterAll(() => t.close());

  const create = async (payload: Record<string, unknown>) => {
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/meetings/${ref.march.id}/actions`,
      as: admin,
      payload: { ownerOrganisationId: ref.wmp.id, ...payload },
    });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { reference: string }).reference;
  };

  it('number exempt and OPCC-only actions each in a series of their own, so public references have no gaps', async () => {
    const references = [
      await create({ text: 'Public one', itemId: ref.items.domesticAbuse.id }),
      await create({ text: 'Withheld', itemId: ref.items.exempt.id }),
      await create({ text: 'OPCC only', itemId: ref.items.domesticAbuse.id, confidentiality: 'opcc_only' }),
      await create({ text: 'Public two', itemId: ref.items.vawg.id }),
    ];
    expect(references).toEqual(['AGB/2026-03/1', 'AGB/2026-03/R1', 'AGB/2026-03/P1', 'AGB/2026-03/2']);
  });
});
