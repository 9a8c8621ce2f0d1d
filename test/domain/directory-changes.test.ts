/**
 * Finding 7 of issue 14: the secretariat of one board could rename an organisation or a person that
 * another board prints, and that board's audit log did not show it. A directory record may now be
 * changed only by an admin or by a secretariat user who administers every board that uses it, and
 * the change is listed in the audit view of every board that uses it.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceNotesFile } from '../../src/demo/reference-notes.ts';
import { boardsUsing } from '../../src/modules/people/repo.ts';
import { createTestApp, expectProblem, type TestApp, type TestUser } from '../helpers/app.ts';
import {
  createBoard,
  createOrganisation,
  createPerson,
  createReferenceBoard,
  insertAction,
  insertQuestion,
  type ReferenceBoard,
} from '../helpers/domain-fixtures.ts';

const api = '/api/v1';

describe('directory records printed by boards', () => {
  let t: TestApp;
  let agb: ReferenceBoard;
  let oth: ReferenceBoard;
  let thirdBoardId: string;
  let admin: TestUser;
  let agbSecretariat: TestUser;
  let othSecretariat: TestUser;
  let bothSecretariat: TestUser;
  let thirdSecretariat: TestUser;
  let shared: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    agb = await createReferenceBoard(db);
    oth = await createReferenceBoard(db, { code: 'OTH' });
    thirdBoardId = (await createBoard(db, { code: 'THR' })).id;
    admin = await t.user({ roles: ['admin'] });
    agbSecretariat = await t.user({ roles: ['secretariat'], boards: [agb.board.id] });
    othSecretariat = await t.user({ roles: ['secretariat'], boards: [oth.board.id] });
    bothSecretariat = await t.user({ roles: ['secretariat'], boards: [agb.board.id, oth.board.id] });
    thirdSecretariat = await t.user({ roles: ['secretariat'], boards: [thirdBoardId] });
    // AGB's actions are owned by WMP (AGB's); OTH's by its own WMP; one organisation owns actions of both.
    await insertAction(db, {
      boardId: agb.board.id,
      meetingId: agb.march.id,
      ownerOrganisationId: agb.wmp.id,
    });
    await insertAction(db, {
      boardId: oth.board.id,
      meetingId: oth.march.id,
      ownerOrganisationId: oth.wmp.id,
    });
    shared = await createOrganisation(db, { name: 'Shared Service', shortName: 'SHR' });
    for (const b of [agb, oth]) {
      await insertAction(db, { boardId: b.board.id, meetingId: b.march.id, ownerOrganisationId: shared.id });
    }
  });
  afterAll(() => t.close());

  const patch = (as: TestUser, url: string, payload: object) =>
    t.request({ method: 'PATCH', url: `${api}${url}`, as, payload });
  const auditOf = async (as: TestUser, entityId: string) => {
    const res = await t.request({ method: 'GET', url: `${api}/audit?entityId=${entityId}`, as });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().items as { action: string; after: { name: string } }[]).map((e) => e.after.name);
  };

  it('another board’s secretariat cannot rename an organisation AGB prints: 403 naming why, nothing written', async () => {
    const res = await patch(othSecretariat, `/organisations/${agb.wmp.id}`, { name: 'Renamed by OTH' });
    expectProblem(res, 403);
    expect(res.json().detail).toMatch(/printed by boards you do not administer \(AGB\)/);
    expect(res.json().detail).toMatch(/only an admin, or the secretariat of every board that uses it/);
    const org = await t.request({ method: 'GET', url: `${api}/organisations/${agb.wmp.id}`, as: admin });
    expect(org.json().name).toBe('West Midlands Police');
    expect(await auditOf(admin, agb.wmp.id)).toEqual([]);
  });

  it('a record used by two boards: the secretariat of one is refused, of both or an admin may; each board’s audit lists it', async () => {
    expectProblem(await patch(agbSecretariat, `/organisations/${shared.id}`, { name: 'By AGB alone' }), 403);
    expectProblem(await patch(othSecretariat, `/organisations/${shared.id}`, { name: 'By OTH alone' }), 403);
    expect(
      (await patch(bothSecretariat, `/organisations/${shared.id}`, { name: 'Shared Services' })).statusCode,
    ).toBe(200);
    expect(
      (await patch(admin, `/organisations/${shared.id}`, { name: 'Shared Services Ltd' })).statusCode,
    ).toBe(200);
    const expected = ['Shared Services Ltd', 'Shared Services'];
    expect(await auditOf(agbSecretariat, shared.id)).toEqual(expected);
    expect(await auditOf(othSecretariat, shared.id)).toEqual(expected);
    expect(await auditOf(admin, shared.id)).toEqual(expected);
    expect(await auditOf(thirdSecretariat, shared.id)).toEqual([]);
  });

  it('a record only one board uses is its secretariat’s; one no board uses is any secretariat’s', async () => {
    expect(
      (await patch(othSecretariat, `/organisations/${oth.wmp.id}`, { name: 'West Midlands Police (OTH)' }))
        .statusCode,
    ).toBe(200);
    expect(await auditOf(othSecretariat, oth.wmp.id)).toEqual(['West Midlands Police (OTH)']);
    expect(await auditOf(agbSecretariat, oth.wmp.id)).toEqual([]);
    const unused = await createOrganisation(t.database.db, { name: 'Nobody', shortName: 'NOB' });
    expect(
      (await patch(thirdSecretariat, `/organisations/${unused.id}`, { name: 'Nobody Yet' })).statusCode,
    ).toBe(200);
    // Tied to no board: admin-only in the audit view, as before.
    expect(await auditOf(agbSecretariat, unused.id)).toEqual([]);
    expect(await auditOf(admin, unused.id)).toEqual(['Nobody Yet']);
  });

  it('a person is used through attendance, declarations, questions, actions and presenters', async () => {
    const db = t.database.db;
    const person = async () => (await createPerson(db, { name: `P ${Math.random()}` })).id;
    const uses: Record<string, string> = {};
    uses.attendance = await person();
    await db
      .insertInto('attendance')
      .values({ meeting_id: agb.march.id, person_id: uses.attendance, status: 'present' })
      .execute();
    uses.declaration = await person();
    await db
      .insertInto('declarations')
      .values({ meeting_id: agb.march.id, person_id: uses.declaration, interest: 'Trustee' })
      .execute();
    uses.asker = await person();
    uses.answerer = await person();
    const q = await insertQuestion(db, agb.march.id);
    await db
      .updateTable('questions')
      .set({ asked_by_person_id: uses.asker, answered_by_person_id: uses.answerer })
      .where('id', '=', q.id)
      .execute();
    uses.actionOwner = await person();
    const a = await insertAction(db, {
      boardId: agb.board.id,
      meetingId: agb.march.id,
      ownerOrganisationId: agb.wmp.id,
    });
    await db
      .updateTable('actions')
      .set({ owner_person_id: uses.actionOwner })
      .where('id', '=', a.id)
      .execute();
    uses.presenter = await person();
    await db
      .updateTable('agenda_items')
      .set({ presenters: JSON.stringify([{ personId: uses.presenter, printed: 'Presenter' }]) })
      .where('id', '=', agb.items.vawg.id)
      .execute();
    for (const [use, id] of Object.entries(uses)) {
      expect(
        (await boardsUsing(db, 'person', id)).map((b) => b.code),
        use,
      ).toEqual(['AGB']);
      const res = await patch(othSecretariat, `/people/${id}`, { name: 'Renamed' });
      expectProblem(res, 403);
      expect(res.json().detail, use).toMatch(
        /This person is printed by boards you do not administer \(AGB\)/,
      );
    }
    expect(await boardsUsing(db, 'person', await person())).toEqual([]);
    // AGB's secretariat may, and its audit view lists the change.
    const res = await patch(agbSecretariat, `/people/${uses.presenter}`, { jobTitle: 'Chief Inspector' });
    expect(res.statusCode, res.body).toBe(200);
    const audit = await t.request({
      method: 'GET',
      url: `${api}/audit?entityId=${uses.presenter}`,
      as: agbSecretariat,
    });
    expect(audit.json().items).toMatchObject([
      { action: 'person.update', after: { jobTitle: 'Chief Inspector' } },
    ]);
  });

  it('importing notes into another board does not fill in a record AGB prints', async () => {
    const db = t.database.db;
    // Mike O'Hara (AGB's, the first of the name) attends AGB's meeting and has no job title on file.
    await db.updateTable('people').set({ job_title: null }).where('id', '=', agb.people.ohara.id).execute();
    await db
      .insertInto('attendance')
      .values({ meeting_id: agb.april.id, person_id: agb.people.ohara.id, status: 'present' })
      .execute();
    const res = await t.request({
      method: 'POST',
      url: `${api}/boards/${thirdBoardId}/import-notes`,
      as: thirdSecretariat,
      payload: { text: readFileSync(referenceNotesFile, 'utf8') },
    });
    expect(res.statusCode, res.body).toBe(201);
    const ohara = await db
      .selectFrom('people')
      .select('job_title')
      .where('id', '=', agb.people.ohara.id)
      .executeTakeFirstOrThrow();
    expect(ohara.job_title).toBeNull();
  });
});
