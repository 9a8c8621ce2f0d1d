/** The view models built from the database: what goes into a public document, and what never does. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentInputHash } from '../../src/documents/input-hash.ts';
import { loadActionLog } from '../../src/documents/load-action-log.ts';
import { loadAgenda } from '../../src/documents/load-agenda.ts';
import { loadNotes, MEMBER_OF_THE_PUBLIC } from '../../src/documents/load-notes.ts';
import type { NotesViewModel } from '../../src/documents/render/view-models.ts';
import { splitLeadingBullets, splitTrailingRomanPoints } from '../../src/documents/rich-text-split.ts';
import { todayInLondon } from '../../src/time/london.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { CHIEF_CONSTABLE_UPDATE_POINTS, PCC_UPDATE_POINTS } from '../render/reference-meeting-text.ts';
import {
  ALL_CANARIES,
  APOLOGIES,
  ASKED_BY_DEPUTY_PCC,
  EXEMPT_TITLE_CANARY,
  insertReferenceMeeting,
  PRESENT,
  type ReferenceMeeting,
  RICHARD_NORTH,
} from './fixtures.ts';

const options = { protectiveMarking: 'OFFICIAL' };

describe('document view models', () => {
  let database: TestDatabase;
  let ref: ReferenceMeeting;
  const today = todayInLondon();
  beforeAll(async () => {
    database = await createTestDatabase();
    ref = await insertReferenceMeeting(database.db, today);
  });
  afterAll(() => database?.close());

  const notes = async () => (await loadNotes(database.db, ref.meetingId, options))!;
  const item = (vm: NotesViewModel, title: string) => vm.items.find((i) => i.title === title)!;

  it('leaves exempt and OPCC-only items, and everything attached to them, out of the notes', async () => {
    const vm = await notes();
    const json = JSON.stringify(vm);
    for (const canary of ALL_CANARIES) expect(json).not.toContain(canary);
    expect(vm.items.every((i) => i.confidentiality === 'public')).toBe(true);
    // Numbered as the agenda numbers them: the exempt item listed there keeps its number 8.
    expect(vm.items.map((i) => `${i.number} ${i.kind} ${i.title}`)).toEqual([
      '1 attendance Attendance and apologies',
      '2 minutes Notes of last meeting',
      '3 update PCC Update',
      '4 update Chief Constable Update',
      '5 questions Questions from AGB members',
      '6 report Domestic Abuse',
      '7 report Violence Against Women and Girls (VAWG) and Child Sexual Exploitation (CSE)',
      '9 close CLOSE',
    ]);
    expect(vm).toMatchObject({
      board: { name: 'Accountability and Governance Board', code: 'AGB' },
      meeting: { date: '2026-03-24', startTime: '10:00', location: null },
      approved: true,
      protectiveMarking: 'OFFICIAL',
      nextMeeting: {
        date: '2026-04-28',
        startTime: '10:00',
        location: 'Lloyd House, Colmore Circus, Birmingham',
      },
    });
  });

  it('lists who attended, sent apologies and was in attendance, as printed', async () => {
    const { attendance } = item(await notes(), 'Attendance and apologies');
    expect(attendance!.present).toEqual(
      PRESENT.map(([name, role, organisation]) => ({ name, role, organisation })),
    );
    expect(attendance!.apologies).toEqual(
      APOLOGIES.map(([name, role, organisation]) => ({ name, role, organisation })),
    );
    // The one person in attendance was there only for the exempt item.
    expect(attendance!.inAttendance).toEqual([]);
  });

  it('splits update points and answer bullets out of the sanitised rich text', async () => {
    const vm = await notes();
    const pcc = item(vm, 'PCC Update');
    expect(pcc.bodyHtml).toBe('<p>The Commissioner provided an update which covered the following:</p>');
    expect(pcc.updatePoints).toEqual(PCC_UPDATE_POINTS);
    expect(item(vm, 'Chief Constable Update').updatePoints).toEqual(CHIEF_CONSTABLE_UPDATE_POINTS);

    const questions = item(vm, 'Questions from AGB members').questions;
    expect(questions.map((q) => [q.number, q.askedBy])).toEqual([
      [1, ASKED_BY_DEPUTY_PCC],
      [2, ASKED_BY_DEPUTY_PCC],
      [3, ASKED_BY_DEPUTY_PCC],
      [null, MEMBER_OF_THE_PUBLIC],
    ]);
    expect(questions[0]!.answerBullets).toHaveLength(6);
    expect(questions[0]!.answerHtml).toBeNull();

    const abuse = item(vm, 'Domestic Abuse');
    expect(abuse.presenters).toEqual([RICHARD_NORTH]);
    const first = abuse.questions[0]!;
    expect(first.askedBy).toBeNull();
    expect(first.answerBullets).toHaveLength(2);
    expect(first.answerHtml).toMatch(/^<ul><li>Under the new legislation.*<ol><li>If the offence/);
    const withActions = abuse.questions.flatMap((q) => q.actions.map((a) => a.reference));
    expect(withActions).toEqual(['AGB/2026-03/1', 'AGB/2026-03/2']);
    expect(abuse.actions).toEqual([]);
  });

  it('names a member of the public only with consent', async () => {
    await database.db
      .updateTable('questions')
      .set({ public_asker_name: 'Jo Bloggs', public_name_consent: true })
      .where('source', '=', 'public')
      .execute();
    const questions = item(await notes(), 'Questions from AGB members').questions;
    expect(questions.at(-1)!.askedBy).toBe('Jo Bloggs');
    await database.db
      .updateTable('questions')
      .set({ public_name_consent: false })
      .where('source', '=', 'public')
      .execute();
  });

  it('is a draft until approved, and falls back to the recorded next meeting date', async () => {
    const set = (fields: { status?: 'notes_drafted' | 'published'; next_meeting_id?: string | null }) =>
      database.db.updateTable('meetings').set(fields).where('id', '=', ref.meetingId).execute();
    await set({ status: 'notes_drafted', next_meeting_id: null });
    const draft = await notes();
    expect(draft.approved).toBe(false);
    expect(draft.nextMeeting).toEqual({ date: '2026-04-28', startTime: null, location: null });
    await set({ status: 'published', next_meeting_id: ref.nextMeetingId });
  });

  it('lists exempt items on the agenda by title only, and OPCC-only items never', async () => {
    const vm = (await loadAgenda(database.db, ref.meetingId, options))!;
    const json = JSON.stringify(vm);
    for (const canary of ALL_CANARIES.filter((c) => c !== EXEMPT_TITLE_CANARY))
      expect(json).not.toContain(canary);
    const exempt = vm.items.find((i) => i.confidentiality === 'exempt')!;
    expect(exempt).toMatchObject({ number: '8', presenters: [], papers: [], listTitleWhenExempt: true });
    expect(vm.items.map((i) => i.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(vm.items.find((i) => i.title === 'Domestic Abuse')!.presenters).toEqual([RICHARD_NORTH]);

    const next = (await loadAgenda(database.db, ref.nextMeetingId, options))!;
    expect(next.approved).toBe(false);
    expect(next.items[1]).toMatchObject({
      title: 'Contact Management',
      papers: [{ title: 'Contact Management report', format: 'PDF', sizeBytes: 412_000 }],
    });

    // A board that does not list exempt titles: the item disappears and the numbers close up.
    await database.db
      .updateTable('boards')
      .set({ list_exempt_titles: false })
      .where('id', '=', ref.boardId)
      .execute();
    const unlisted = (await loadAgenda(database.db, ref.meetingId, options))!;
    expect(JSON.stringify(unlisted)).not.toContain(EXEMPT_TITLE_CANARY);
    expect(unlisted.items.map((i) => i.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(item((await notes())!, 'CLOSE').number).toBe('8');
    await database.db
      .updateTable('boards')
      .set({ list_exempt_titles: true })
      .where('id', '=', ref.boardId)
      .execute();
  });

  it('builds the action log: public actions only, open first, overdue against today', async () => {
    const now = new Date();
    const vm = (await loadActionLog(database.db, ref.boardId, {}, { ...options, now }))!;
    expect(JSON.stringify(vm)).not.toMatch(/CANARY/);
    expect(vm.filtersDescription).toBe('All actions');
    expect(vm.rows.map((r) => [r.reference, r.status, r.overdue])).toEqual([
      ['AGB/2026-03/1', 'in_progress', true],
      ['AGB/2026-03/2', 'open', false],
      ['AGB/2026-03/3', 'closed', false],
      ['AGB/2026-03/4', 'open', false],
    ]);
    expect(vm.rows[0]).toMatchObject({
      ownerOrganisation: 'WMP',
      ownerPerson: 'Temporary Assistant Chief Constable, Richard North',
      raisedAt: { meetingDate: '2026-03-24', itemNumber: '6', itemTitle: 'Domestic Abuse' },
      latestUpdate: { date: today, text: 'Data is being audited; expected next month.', by: 'WMP' },
    });
    expect(vm.rows[2]).toMatchObject({
      closedAt: '2026-04-20',
      closureNote: 'Matrix shared with the OPCC on 20 April.',
    });

    const outstanding = (await loadActionLog(
      database.db,
      ref.boardId,
      { status: 'outstanding', ownerOrganisationId: ref.wmpId, from: '2026-03-01', to: '2026-03-31' },
      { ...options, now },
    ))!;
    expect(outstanding.rows.map((r) => r.reference)).toEqual([
      'AGB/2026-03/1',
      'AGB/2026-03/2',
      'AGB/2026-03/4',
    ]);
    expect(outstanding.filtersDescription).toBe(
      'Outstanding actions owned by WMP raised at meetings from Sunday 1 March 2026 to Tuesday 31 March 2026',
    );
    const none = async (filters: Parameters<typeof loadActionLog>[2]) =>
      (await loadActionLog(database.db, ref.boardId, filters, { ...options, now }))!.rows;
    expect(await none({ ownerOrganisationId: ref.opccId })).toEqual([]);
    expect(await none({ from: '2026-03-25' })).toEqual([]);
    expect(await none({ to: '2026-03-23' })).toEqual([]);
    expect((await none({ status: 'closed' })).map((r) => r.reference)).toEqual(['AGB/2026-03/3']);
  });

  it('identifies a document by its input: same data, same hash; the log once per London day', async () => {
    const a = await notes();
    const b = await notes();
    expect(documentInputHash({ kind: 'notes', vm: a })).toBe(documentInputHash({ kind: 'notes', vm: b }));
    const changed = { ...b, summary: 'Another summary.' };
    expect(documentInputHash({ kind: 'notes', vm: changed })).not.toBe(
      documentInputHash({ kind: 'notes', vm: a }),
    );
    expect(documentInputHash({ kind: 'notes', vm: a }, 'other-templates')).not.toBe(
      documentInputHash({ kind: 'notes', vm: a }),
    );
    const log = (iso: string) =>
      loadActionLog(database.db, ref.boardId, {}, { ...options, now: new Date(iso) }).then((vm) =>
        documentInputHash({ kind: 'action-log', vm: vm! }),
      );
    expect(await log('2026-06-01T08:00:00Z')).toBe(await log('2026-06-01T21:00:00Z'));
    // 23:30 UTC in June is already the next day in London.
    expect(await log('2026-06-01T21:00:00Z')).not.toBe(await log('2026-06-01T23:30:00Z'));
  });
});

describe('splitting sanitised rich text', () => {
  it('takes leading plain bullets and leaves the rest, in order', () => {
    expect(splitLeadingBullets('<ul><li>One &amp; two</li><li>Three</li></ul>')).toEqual({
      bullets: ['One & two', 'Three'],
      rest: '',
    });
    expect(splitLeadingBullets('<ul><li>A</li><li><strong>B</strong></li><li>C</li></ul><p>D</p>')).toEqual({
      bullets: ['A'],
      rest: '<ul><li><strong>B</strong></li><li>C</li></ul><p>D</p>',
    });
    expect(splitLeadingBullets('<p>Intro</p><ul><li>A</li></ul>')).toEqual({
      bullets: [],
      rest: '<p>Intro</p><ul><li>A</li></ul>',
    });
    expect(splitLeadingBullets('')).toEqual({ bullets: [], rest: '' });
  });

  it('takes trailing roman-numbered points only when every point is plain', () => {
    expect(splitTrailingRomanPoints('<p>Intro</p><ol type="I"><li>One</li><li>Two</li></ol>')).toEqual({
      body: '<p>Intro</p>',
      points: ['One', 'Two'],
    });
    expect(splitTrailingRomanPoints('<p>Intro</p><ol type="I"><li>One<br />x</li></ol>').points).toEqual([]);
    expect(splitTrailingRomanPoints('<ol><li>Arabic</li></ol>')).toEqual({
      body: '<ol><li>Arabic</li></ol>',
      points: [],
    });
  });
});
