import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceNotesFile } from '../../src/demo/reference-notes.ts';
import { createTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { buildAgbMeeting } from './meetings-fixtures.ts';

/**
 * Issue 4's yardstick: the 24 March 2026 meeting built through the HTTP API alone holds what the
 * reference notes hold, and importing the reference file yields the same counts.
 */
const referenceText = readFileSync(referenceNotesFile, 'utf8');

const QUESTIONS = [
  'What assessment has the Chief Constable made of the additional demand and costs to policing arising from the ban on "XL Bully" dogs in 2023?',
  'What progress has West Midlands Police made in introducing a drone and counter-drone capability at Villa Park and Molineux football grounds?',
  'What are the Force’s plans to support local authorities and candidates to ensure that the local elections on 7 May 2026 are safe and secure for all involved?',
];
const ACTIONS = [
  "WMP to provide OPCC with specific data in relation to Raneem's Law once finalised and audited.",
  'WMP to provide the OPCC with an expected figure of non-molestation orders resulting in arrest.',
  'WMP to provide OPCC with the Matrix to understand risk around these incidents.',
  'WMP to provide OPCC with accurate data RE current arrest and conviction rates for perpetrator spiking and upskirting.',
];

interface Summary {
  present: number;
  apologies: number;
  items: number;
  preSubmitted: { number: number | null; askedByPrinted: string }[];
  actionOwners: string[];
  references: string[];
}

async function summarise(t: TestApp, as: TestUser, meetingId: string): Promise<Summary> {
  const get = async <T>(url: string) => {
    const res = await t.request({ method: 'GET', url, as });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as T;
  };
  const meeting = await get<{ attendance: { present: unknown[]; apologies: unknown[] }; items: unknown[] }>(
    `/api/v1/meetings/${meetingId}`,
  );
  const questions = await get<{ items: { source: string; number: number | null; askedByPrinted: string }[] }>(
    `/api/v1/meetings/${meetingId}/questions`,
  );
  const actions = await get<{ items: { ownerOrganisationShortName: string; reference: string }[] }>(
    `/api/v1/actions?meetingId=${meetingId}&sort=reference`,
  );
  return {
    present: meeting.attendance.present.length,
    apologies: meeting.attendance.apologies.length,
    items: meeting.items.length,
    preSubmitted: questions.items
      .filter((q) => q.source === 'pre_submitted')
      .map((q) => ({ number: q.number, askedByPrinted: q.askedByPrinted })),
    actionOwners: actions.items.map((a) => a.ownerOrganisationShortName),
    references: actions.items.map((a) => a.reference.replace(/^[A-Z0-9]+\//, '')),
  };
}

describe('the 24 March 2026 meeting', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user({ roles: ['admin'] });
  });
  afterAll(() => t.close());

  let built: Summary;

  it('built through the HTTP API alone', async () => {
    const { meeting, people, wmp, itemIds } = await buildAgbMeeting(t, admin);
    const questionsItem = itemIds[4]!;
    for (const [i, text] of QUESTIONS.entries()) {
      const res = await t.request({
        method: 'POST',
        url: `/api/v1/meetings/${meeting.id}/questions`,
        as: admin,
        payload: {
          source: 'pre_submitted',
          number: i + 1,
          itemId: questionsItem,
          text,
          askedByPersonId: people['Wasim Ali'],
          askedByPrinted: 'Deputy Police and Crime Commissioner, Wasim Ali',
          answerBullets: [
            'UK police forces are legally obliged to seize and detain dogs in certain circumstances.',
          ],
        },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    for (const [i, text] of ACTIONS.entries()) {
      const res = await t.request({
        method: 'POST',
        url: `/api/v1/meetings/${meeting.id}/actions`,
        as: admin,
        payload: { text, ownerOrganisationId: wmp.id, itemId: itemIds[i < 2 ? 5 : 6] },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    built = await summarise(t, admin, meeting.id);
    expect(built).toEqual({
      present: 12,
      apologies: 3,
      items: 8,
      preSubmitted: [1, 2, 3].map((number) => ({
        number,
        askedByPrinted: 'Deputy Police and Crime Commissioner, Wasim Ali',
      })),
      actionOwners: ['WMP', 'WMP', 'WMP', 'WMP'],
      references: ['2026-03/1', '2026-03/2', '2026-03/3', '2026-03/4'],
    });
  });

  it('imported from the reference file yields the same', async () => {
    const board = await t.request({
      method: 'POST',
      url: '/api/v1/boards',
      as: admin,
      payload: { name: 'Accountability and Governance Board', code: 'AGBIMP' },
    });
    const boardId = (board.json() as { id: string }).id;
    const imported = await t.request({
      method: 'POST',
      url: `/api/v1/boards/${boardId}/import-notes`,
      as: admin,
      payload: { text: referenceText },
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const summary = await summarise(t, admin, (imported.json() as { meetingId: string }).meetingId);
    expect(summary).toEqual(built);
  });
});
