import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectProblem, type TestApp, type TestUser } from '../helpers/app.ts';
import {
  createMeeting,
  createPerson,
  createReferenceBoard,
  type ReferenceBoard,
} from '../helpers/domain-fixtures.ts';

const api = '/api/v1';

const referenceQuestions = [
  {
    text: 'What assessment has the Chief Constable made of the additional demand and costs to policing arising from the ban on "XL Bully" dogs in 2023?',
    answerBullets: [
      'UK police forces are legally obliged to seize and detain dogs in certain circumstances, especially in relation to breaches of the Dangerous Dogs Act 1991.',
      "In 2020, WMP's Dogs Unit attended 49 incidents linked to dangerous dogs whereas in 2024 this rose to 601 incidents.",
      'WMP are enquiring into developing an in-house kennelling facility and work with regional forces to consider a collaborative approach.',
    ],
  },
  {
    text: 'What progress has West Midlands Police made in introducing a drone and counter-drone capability at Villa Park and Molineux football grounds?',
    answerBullets: [
      "WMP are pleased with the ongoing work between the police, the Premier League, and NPCC on this issue. Under ACC Welstead's leadership, WMP have secured the funding for a trial.",
      'Two unauthorised drones have been detected and intercepted, both pilots were located and the drones seized.',
    ],
  },
  {
    text: "What are the Force's plans to support local authorities and candidates to ensure that the local elections on 7 May 2026 are safe and secure for all involved?",
    answerBullets: ['WMP have a bespoke defending democracy team.'],
  },
];

describe('questions', () => {
  let t: TestApp;
  let ref: ReferenceBoard;
  let secretariat: TestUser;
  let officer: TestUser;
  let member: TestUser;
  let otherMember: TestUser;
  let futureMeetingId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ref = await createReferenceBoard(t.database.db);
    secretariat = await t.user({ roles: ['secretariat'], boards: [ref.board.id] });
    officer = await t.user({ roles: ['officer'], organisationId: ref.wmp.id });
    const memberPerson = await createPerson(t.database.db, {
      name: 'Natalie Queiroz',
      jobTitle: 'Victims Advocate',
    });
    member = await t.user({ roles: ['member'], personId: memberPerson.id });
    otherMember = await t.user({ roles: ['member'] });
    const inAMonth = new Date(Date.now() + 30 * 86_400_000);
    futureMeetingId = (
      await createMeeting(t.database.db, ref.board.id, {
        startsAt: inAMonth,
        questionDeadline: new Date(inAMonth.getTime() - 7 * 86_400_000),
      })
    ).id;
  });
  afterAll(() => t.close());

  const post = (
    url: string,
    as: TestUser | undefined,
    payload: unknown,
    headers: Record<string, string> = {},
  ) => t.request({ method: 'POST', url: `${api}${url}`, as, payload: payload as object, headers });
  const get = (url: string, as?: TestUser) => t.request({ method: 'GET', url: `${api}${url}`, as });
  const putOrder = (questionIds: string[]) =>
    t.request({
      method: 'PUT',
      url: `${api}/meetings/${futureMeetingId}/questions/order`,
      as: secretariat,
      payload: { questionIds },
    });
  const patch = (url: string, as: TestUser, payload: unknown, ifMatch?: string) =>
    t.request({
      method: 'PATCH',
      url: `${api}${url}`,
      as,
      payload: payload as object,
      headers: ifMatch ? { 'if-match': ifMatch } : {},
    });

  const auditOf = (entityId: string, action: string) =>
    t.database.db
      .selectFrom('audit_log')
      .select(['before', 'after'])
      .where('entity_id', '=', entityId)
      .where('action', '=', action)
      .execute();

  it('records the three pre-submitted questions asked by Wasim Ali, numbered 1..3, with answer bullets', async () => {
    for (const q of referenceQuestions) {
      const res = await post(`/meetings/${ref.march.id}/questions`, secretariat, {
        source: 'pre_submitted',
        itemId: ref.items.questions.id,
        text: q.text,
        askedByPersonId: ref.people.wasim.id,
        answerBullets: q.answerBullets,
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.headers.etag).toMatch(/^W\/"/);
    }
    const list = (await get(`/meetings/${ref.march.id}/questions`, member)).json().items;
    expect(list.map((q: { number: number }) => q.number)).toEqual([1, 2, 3]);
    for (const [i, q] of list.entries()) {
      expect(q).toMatchObject({
        source: 'pre_submitted',
        itemId: ref.items.questions.id,
        text: referenceQuestions[i]!.text,
        askedByPersonId: ref.people.wasim.id,
        askedByPrinted: 'Deputy Police and Crime Commissioner, Wasim Ali',
        answerBullets: referenceQuestions[i]!.answerBullets,
      });
      expect(q.answerHtml).toMatch(/^<ul><li>.*<\/li><\/ul>$/);
    }
    expect(list[0].answerHtml).toContain('WMP&#39;s Dogs Unit');
    expect(list[0].answerText).toContain("WMP's Dogs Unit attended 49 incidents");
  });

  it('records in-meeting questions under item 6, unnumbered, listed after item 5', async () => {
    const texts = [
      'What assurance can you give that WMP will be using all options available to minimise the risk posed by offenders as a result of the Sentencing Act 2026 and ensure that victims are protected?',
      "In relation to Raneem's Law, what is the timeline in which calls are considered by DA specialists?",
    ];
    for (const text of texts) {
      const res = await post(`/meetings/${ref.march.id}/questions`, secretariat, {
        source: 'in_meeting',
        itemId: ref.items.domesticAbuse.id,
        text,
        answerHtml:
          '<p>WMP are working to ensure the implementation of Raneem’s Law is impactful.</p><script>alert(1)</script>',
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ number: null, source: 'in_meeting', askedByPrinted: '' });
      expect(res.json().answerHtml).not.toContain('script');
    }
    const list = (await get(`/meetings/${ref.march.id}/questions`, officer)).json().items;
    expect(list.slice(3).map((q: { text: string }) => q.text)).toEqual(texts);
    expect(list.slice(3).every((q: { itemId: string }) => q.itemId === ref.items.domesticAbuse.id)).toBe(
      true,
    );
  });

  it('refuses a number for a question that is not pre-submitted (400) and a duplicate number (409)', async () => {
    const url = `/meetings/${ref.march.id}/questions`;
    expectProblem(await post(url, secretariat, { source: 'in_meeting', number: 4, text: 'Why?' }), 400);
    expectProblem(await post(url, secretariat, { source: 'pre_submitted', number: 2, text: 'Why?' }), 409);
    expectProblem(
      await post(url, secretariat, {
        source: 'in_meeting',
        text: 'Why?',
        answerBullets: ['a'],
        answerHtml: '<p>b</p>',
      }),
      400,
    );
    expectProblem(
      await post(url, secretariat, { source: 'in_meeting', text: 'Why?', itemId: ref.april.id }),
      400,
    );
  });

  it('hides questions under an exempt item from members (list and 404), not from officers or the secretariat', async () => {
    const res = await post(`/meetings/${ref.march.id}/questions`, secretariat, {
      source: 'in_meeting',
      itemId: ref.items.exempt.id,
      text: 'Is Quetzalcoatlus on schedule?',
    });
    const id = res.json().id;
    const ids = async (u: TestUser) =>
      (await get(`/meetings/${ref.march.id}/questions`, u)).json().items.map((q: { id: string }) => q.id);
    expect(await ids(member)).not.toContain(id);
    expect(await ids(officer)).toContain(id);
    expect(await ids(secretariat)).toContain(id);
    expectProblem(await get(`/questions/${id}`, member), 404);
    expect((await get(`/questions/${id}`, officer)).statusCode).toBe(200);
    // A member cannot learn of it by editing it either.
    expectProblem(await patch(`/questions/${id}`, member, { text: 'x' }, `W/"${id}:1"`), 404);
  });

  it('OPCC-only questions are hidden from officers too', async () => {
    const res = await post(`/meetings/${ref.march.id}/questions`, secretariat, {
      source: 'in_meeting',
      itemId: ref.items.opccOnly.id,
      text: 'Xylophonist budget?',
    });
    expectProblem(await get(`/questions/${res.json().id}`, officer), 404);
  });

  it('members submit before the deadline, edit only the text of their own, and are refused after it', async () => {
    const submitted = await post(`/meetings/${futureMeetingId}/questions/submit`, member, {
      text: "What is WMP's plan for Mike O'Hara's review? £5 million 🚓",
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const q = submitted.json();
    expect(q).toMatchObject({
      source: 'pre_submitted',
      number: 1,
      askedByPrinted: 'Victims Advocate, Natalie Queiroz',
      submittedByMe: true,
      text: "What is WMP's plan for Mike O'Hara's review? £5 million 🚓",
    });
    // Edits its text with If-Match.
    const edited = await patch(
      `/questions/${q.id}`,
      member,
      { text: 'Queiroz asks: £ and 🚓 ok?' },
      submitted.headers.etag as string,
    );
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().text).toBe('Queiroz asks: £ and 🚓 ok?');
    // Cannot set an answer or a number on it.
    expectProblem(
      await patch(`/questions/${q.id}`, member, { answerBullets: ['yes'] }, edited.headers.etag as string),
      403,
    );
    expectProblem(
      await patch(`/questions/${q.id}`, member, { number: 7 }, edited.headers.etag as string),
      403,
    );
    // Another member cannot touch it.
    expectProblem(
      await patch(`/questions/${q.id}`, otherMember, { text: 'mine now' }, edited.headers.etag as string),
      403,
    );
    expectProblem(
      await t.request({ method: 'DELETE', url: `${api}/questions/${q.id}`, as: otherMember }),
      403,
    );
    expect((await get(`/questions/${q.id}`, otherMember)).json().submittedByMe).toBe(false);
    // Officers do not submit questions.
    expectProblem(
      await post(`/meetings/${futureMeetingId}/questions/submit`, officer, { text: 'Why?' }),
      403,
    );
    // After the deadline (the March meeting's passed long ago): 409, nothing written.
    const before = (await get(`/meetings/${ref.march.id}/questions`, secretariat)).json().items.length;
    const late = expectProblem(
      await post(`/meetings/${ref.march.id}/questions/submit`, member, { text: 'Too late?' }),
      409,
    );
    expect(late.detail).toMatch(/deadline/);
    expect((await get(`/meetings/${ref.march.id}/questions`, secretariat)).json().items.length).toBe(before);
  });

  it('after the deadline a member can no longer edit or withdraw their own question', async () => {
    const { id } = await t.database.db
      .insertInto('questions')
      .values({
        meeting_id: ref.april.id,
        source: 'pre_submitted',
        number: 1,
        text: 'Submitted in time for April',
        submitted_by_user_id: (await get('/auth/me', member)).json().id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expectProblem(await patch(`/questions/${id}`, member, { text: 'changed' }, `W/"${id}:1"`), 409);
    expectProblem(await t.request({ method: 'DELETE', url: `${api}/questions/${id}`, as: member }), 409);
    expect((await get(`/questions/${id}`, member)).json().text).toBe('Submitted in time for April');
  });

  it('PATCH needs If-Match: 428 without, 412 when stale, and bumps the ETag', async () => {
    const created = await post(`/meetings/${ref.march.id}/questions`, secretariat, {
      source: 'in_meeting',
      text: 'Etag?',
    });
    const { id } = created.json();
    expectProblem(await patch(`/questions/${id}`, secretariat, { text: 'no header' }), 428);
    const ok = await patch(
      `/questions/${id}`,
      secretariat,
      { text: 'first' },
      created.headers.etag as string,
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).not.toBe(created.headers.etag);
    expectProblem(
      await patch(`/questions/${id}`, secretariat, { text: 'stale' }, created.headers.etag as string),
      412,
    );
    expectProblem(await patch(`/questions/${id}`, secretariat, { text: 'garbage' }, 'W/"nonsense"'), 412);
    expect((await get(`/questions/${id}`, secretariat)).json().text).toBe('first');
  });

  it('the secretariat answers, names the answerer and changes source; numbering follows the source', async () => {
    const created = await post(`/meetings/${futureMeetingId}/questions`, secretariat, {
      source: 'in_meeting',
      text: 'Who answers?',
    });
    const res = await patch(
      `/questions/${created.json().id}`,
      secretariat,
      {
        source: 'pre_submitted',
        answeredByPersonId: ref.people.north.id,
        answerBullets: ["O'Hara & Queiroz <b>"],
      },
      created.headers.etag as string,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      number: 2,
      answeredByPrinted: 'Temporary Assistant Chief Constable, Richard North',
      answerBullets: ["O'Hara & Queiroz <b>"],
      answerHtml: '<ul><li>O&#39;Hara &amp; Queiroz &lt;b&gt;</li></ul>',
    });
  });

  it('public questions: the asker’s name reaches others only with consent', async () => {
    const url = `/meetings/${ref.march.id}/questions`;
    const withConsent = await post(url, secretariat, {
      source: 'public',
      text: 'Why are bus stops unlit?',
      publicAskerName: 'Jo Bloggs',
      publicNameConsent: true,
    });
    const without = await post(url, secretariat, {
      source: 'public',
      text: 'Why?',
      publicAskerName: 'Private Person',
    });
    expect((await get(`/questions/${withConsent.json().id}`, member)).json().publicAskerName).toBe(
      'Jo Bloggs',
    );
    expect((await get(`/questions/${without.json().id}`, member)).json().publicAskerName).toBeNull();
    expect((await get(`/questions/${without.json().id}`, secretariat)).json().publicAskerName).toBe(
      'Private Person',
    );
    expectProblem(
      await post(url, secretariat, { source: 'in_meeting', text: 'Why?', publicAskerName: 'X' }),
      400,
    );
  });

  it('reorders and renumbers pre-submitted questions', async () => {
    const list = (await get(`/meetings/${futureMeetingId}/questions`, secretariat)).json().items as {
      id: string;
    }[];
    const reversed = list.map((q) => q.id).reverse();
    const res = await putOrder(reversed);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((q: { id: string }) => q.id)).toEqual(reversed);
    expect(res.json().items.map((q: { number: number }) => q.number)).toEqual([1, 2]);
    expectProblem(await putOrder(reversed.slice(1)), 400);
  });

  it('an Idempotency-Key replays the first create and adds no second row', async () => {
    const body = { source: 'in_meeting', text: 'Idempotent?' };
    const headers = { 'idempotency-key': 'question-key-1' };
    const first = await post(`/meetings/${futureMeetingId}/questions`, secretariat, body, headers);
    const second = await post(`/meetings/${futureMeetingId}/questions`, secretariat, body, headers);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json().id).toBe(first.json().id);
    const rows = await t.database.db
      .selectFrom('questions')
      .select('id')
      .where('text', '=', 'Idempotent?')
      .execute();
    expect(rows).toHaveLength(1);
    expectProblem(
      await post(`/meetings/${futureMeetingId}/questions`, secretariat, { ...body, text: 'Other' }, headers),
      422,
    );
  });

  it('deletes (secretariat) and writes the audit log in the same transaction', async () => {
    const created = await post(`/meetings/${futureMeetingId}/questions`, secretariat, {
      source: 'in_meeting',
      text: 'Delete me',
    });
    const id = created.json().id;
    const res = await t.request({ method: 'DELETE', url: `${api}/questions/${id}`, as: secretariat });
    expect(res.statusCode).toBe(204);
    expectProblem(await get(`/questions/${id}`, secretariat), 404);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity_id', '=', id)
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['question.create', 'question.delete']);
    expect(audit[1]!.before).toMatchObject({ text: 'Delete me' });
  });

  it('DELETE with If-Match: 412 when the question changed since, 204 with its current ETag', async () => {
    const created = await post(`/meetings/${futureMeetingId}/questions`, secretariat, {
      source: 'in_meeting',
      text: 'Delete me, carefully',
    });
    const { id } = created.json();
    const stale = String(created.headers.etag);
    const edited = await patch(`/questions/${id}`, secretariat, { text: 'Changed meanwhile' }, stale);
    expect(edited.statusCode, edited.body).toBe(200);
    const del = (ifMatch: string) =>
      t.request({
        method: 'DELETE',
        url: `${api}/questions/${id}`,
        as: secretariat,
        headers: { 'if-match': ifMatch },
      });
    expectProblem(await del(stale), 412);
    expectProblem(await del(`W/"${futureMeetingId}:2"`), 412);
    expect((await get(`/questions/${id}`, secretariat)).statusCode).toBe(200);
    expect((await del(String(edited.headers.etag))).statusCode).toBe(204);
    expectProblem(await get(`/questions/${id}`, secretariat), 404);
  });

  it('reordering gives new versions only to the questions that moved', async () => {
    const listNow = async () =>
      (await get(`/meetings/${futureMeetingId}/questions`, secretariat)).json().items as {
        id: string;
        version: number;
        number: number | null;
      }[];
    const before = await listNow();
    expect(before.length).toBeGreaterThanOrEqual(3);
    const ids = before.map((q) => q.id);
    [ids[0], ids[1]] = [ids[1]!, ids[0]!];
    const res = await putOrder(ids);
    expect(res.statusCode, res.body).toBe(200);
    const after = await listNow();
    expect(after.map((q) => q.id)).toEqual(ids);
    const versionOf = (list: typeof before, id: string) => list.find((q) => q.id === id)!.version;
    expect(versionOf(after, ids[0]!)).toBe(versionOf(before, ids[0]!) + 1);
    expect(versionOf(after, ids[1]!)).toBe(versionOf(before, ids[1]!) + 1);
    for (const id of ids.slice(2)) expect(versionOf(after, id)).toBe(versionOf(before, id));
    expect((await auditOf(futureMeetingId, 'question.reorder')).length).toBeGreaterThanOrEqual(2);
  });

  it('deleting renumbers the numbered questions left 1..n, new versions only where the number changed', async () => {
    const meetingId = (
      await createMeeting(t.database.db, ref.board.id, { startsAt: new Date(Date.now() + 60 * 86_400_000) })
    ).id;
    const add = async (source: string, text: string) => {
      const res = await post(`/meetings/${meetingId}/questions`, secretariat, { source, text });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const [first, second, discussed, third, fourth] = [
      await add('pre_submitted', 'First?'),
      await add('pre_submitted', 'Second?'),
      await add('in_meeting', 'Raised in discussion?'),
      await add('pre_submitted', 'Third?'),
      await add('pre_submitted', 'Fourth?'),
    ];
    const listNow = async () =>
      (await get(`/meetings/${meetingId}/questions`, secretariat)).json().items as {
        id: string;
        number: number | null;
        version: number;
      }[];
    const before = await listNow();
    const versionOf = (list: typeof before, id: string) => list.find((q) => q.id === id)!.version;

    const del = await t.request({ method: 'DELETE', url: `${api}/questions/${second}`, as: secretariat });
    expect(del.statusCode, del.body).toBe(204);
    const after = await listNow();
    expect(after.map((q) => [q.id, q.number])).toEqual([
      [first, 1],
      [discussed, null],
      [third, 2],
      [fourth, 3],
    ]);
    expect(versionOf(after, first!)).toBe(versionOf(before, first!));
    expect(versionOf(after, discussed!)).toBe(versionOf(before, discussed!));
    expect(versionOf(after, third!)).toBe(versionOf(before, third!) + 1);
    expect(versionOf(after, fourth!)).toBe(versionOf(before, fourth!) + 1);
    const renumbered = await auditOf(meetingId, 'question.renumber');
    expect(renumbered).toHaveLength(1);
    expect(renumbered[0]!.before).toEqual([
      { id: third, number: 3 },
      { id: fourth, number: 4 },
    ]);
    expect(renumbered[0]!.after).toEqual([
      { id: third, number: 2 },
      { id: fourth, number: 3 },
    ]);

    // The last one, or one never numbered: nothing else changes and nothing is renumbered.
    for (const id of [fourth!, discussed!]) {
      const res = await t.request({ method: 'DELETE', url: `${api}/questions/${id}`, as: secretariat });
      expect(res.statusCode, res.body).toBe(204);
    }
    expect((await listNow()).map((q) => [q.id, q.number, q.version])).toEqual([
      [first, 1, versionOf(after, first!)],
      [third, 2, versionOf(after, third!)],
    ]);
    expect(await auditOf(meetingId, 'question.renumber')).toHaveLength(1);
  });

  it('unknown meetings and questions are 404; anonymous is 401', async () => {
    expectProblem(await get('/meetings/00000000-0000-4000-8000-000000000000/questions', member), 404);
    expectProblem(await get('/questions/00000000-0000-4000-8000-000000000000', member), 404);
    expectProblem(await get(`/meetings/${ref.march.id}/questions`), 401);
  });
});
