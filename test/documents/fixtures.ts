/**
 * The reference meeting (Accountability and Governance Board, Tuesday 24 March 2026) written straight
 * into the database with Kysely, as the meetings module would store it: sanitised rich text, presenters
 * as printed, pre-submitted and in-meeting questions, four WMP actions. Plus material that must never
 * reach a public document: an exempt item and an OPCC-only item (each with everything that can hang
 * off an item), an exempt action under a public item, and a member of the public who did not consent
 * to being named. Every such string carries a canary.
 */
import type { Database } from '../../src/db/database.ts';
import type { ActionStatus, Confidentiality, ItemKind, QuestionSource } from '../../src/db/schema.ts';
import type { NotesQuestion } from '../../src/documents/render/view-models.ts';
import { bulletsToHtml, richTextToPlain, sanitizeRichText } from '../../src/rich-text/sanitize.ts';
import {
  CHIEF_CONSTABLE_UPDATE_POINTS,
  DOMESTIC_ABUSE_DISCUSSION,
  MEMBER_QUESTIONS,
  PCC_UPDATE_POINTS,
  VAWG_CSE_DISCUSSION,
} from '../render/reference-meeting-text.ts';

/** Only in material that is listed by title on the agenda (exempt item titles) and nowhere else. */
export const EXEMPT_TITLE_CANARY = 'CANARY-EXEMPT-TITLE-41b2';
/** In the body, presenters, papers, questions, actions and attendance of the exempt item. */
export const EXEMPT_CANARY = 'CANARY-EXEMPT-7f3a9c';
/** Everywhere in the OPCC-only item, including its title. */
export const OPCC_CANARY = 'CANARY-OPCC-ONLY-9d1e2b';
/** An exempt action filed under a public item. */
export const EXEMPT_ACTION_CANARY = 'CANARY-EXEMPT-ACTION-3e55';
/** A member of the public who asked a question without consenting to be named. */
export const PUBLIC_NAME_CANARY = 'CANARY-PUBLIC-NAME-5c8a';

export const ALL_CANARIES = [
  EXEMPT_TITLE_CANARY,
  EXEMPT_CANARY,
  OPCC_CANARY,
  EXEMPT_ACTION_CANARY,
  PUBLIC_NAME_CANARY,
] as const;

export const RICHARD_NORTH = 'Temporary Assistant Chief Constable, Richard North';
export const ASKED_BY_DEPUTY_PCC = 'Deputy Police and Crime Commissioner, Wasim Ali';

type Attendee = [name: string, role: string, organisation: string | null];

/** As printed: "Name (Role, Organisation)"; two Temporary ACCs were printed without an organisation. */
export const PRESENT: Attendee[] = [
  ['Wasim Ali', 'Deputy Police and Crime Commissioner', 'OPCC'],
  ['Scott Green', 'Chief Constable', 'WMP'],
  ['Simon Foster', 'Police and Crime Commissioner', 'OPCC'],
  ['Peter Gillett', 'Director of Commercial and People Services', 'WMP'],
  ['Stephen Heeley', 'Staff Officer', 'WMP'],
  ['Jonathan Jardine', 'Chief Executive', 'OPCC'],
  ['Jennifer Mattinson', 'Deputy Chief Constable', 'WMP'],
  ['Richard North', 'Temporary Assistant Chief Constable', null],
  ["Mike O'Hara", 'Assistant Chief Constable', 'WMP'],
  ['Andrew Parsons', 'Temporary Assistant Chief Constable', null],
  ['Natalie Queiroz', 'Victims Advocate', 'OPCC'],
  ['Matt Welsted', 'Assistant Chief Constable', 'WMP'],
];
export const APOLOGIES: Attendee[] = [
  ['Alethea Fuller', 'Deputy Chief Executive', 'OPCC'],
  ['Jane Heppel', 'Chief Finance Officer', 'OPCC'],
  ['Ian Parnell', 'Assistant Chief Constable', 'WMP'],
];

export const PRINTED_ATTENDEES = [...PRESENT, ...APOLOGIES].map(([name, role, org]) =>
  org ? `${name} (${role}, ${org})` : `${name} (${role})`,
);

export interface ReferenceMeeting {
  boardId: string;
  meetingId: string;
  nextMeetingId: string;
  wmpId: string;
  opccId: string;
  actionTexts: string[];
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Rich text as the meetings module stores it: sanitised on the way in. */
const rich = (html: string) => sanitizeRichText(html);

function answerHtml(q: NotesQuestion): string {
  return rich(bulletsToHtml(q.answerBullets) + (q.answerHtml ?? ''));
}

export async function insertReferenceMeeting(db: Database, today: string): Promise<ReferenceMeeting> {
  const [opcc, wmp] = await db
    .insertInto('organisations')
    .values([
      { name: 'Office of the Police and Crime Commissioner', short_name: 'OPCC' },
      { name: 'West Midlands Police', short_name: 'WMP' },
    ])
    .returning(['id', 'short_name'])
    .execute();
  const orgId = (short: string | null) => (short === 'OPCC' ? opcc!.id : short === 'WMP' ? wmp!.id : null);

  const board = await db
    .insertInto('boards')
    .values({ name: 'Accountability and Governance Board', code: 'AGB', list_exempt_titles: true })
    .returning('id')
    .executeTakeFirstOrThrow();

  const people = new Map<string, string>();
  for (const [name, role, org] of [
    ...PRESENT,
    ...APOLOGIES,
    ['Detective Superintendent Ray Holt', '', 'WMP'] as Attendee,
  ]) {
    const row = await db
      .insertInto('people')
      .values({ name, job_title: role || null, organisation_id: orgId(org) })
      .returning('id')
      .executeTakeFirstOrThrow();
    people.set(name, row.id);
  }

  // 28 April 2026 10:00 in London is 09:00 UTC (BST); 24 March 10:00 is 10:00 UTC (GMT).
  const next = await db
    .insertInto('meetings')
    .values({
      board_id: board.id,
      starts_at: '2026-04-28T09:00:00Z',
      location: 'Lloyd House, Colmore Circus, Birmingham',
      status: 'scheduled',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const meeting = await db
    .insertInto('meetings')
    .values({
      board_id: board.id,
      starts_at: '2026-03-24T10:00:00Z',
      status: 'published',
      next_meeting_id: next.id,
      next_meeting_date: '2026-04-28',
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  let position = 0;
  const item = async (
    meetingId: string,
    fields: {
      title: string;
      kind: ItemKind;
      bodyHtml?: string;
      presenters?: { name: string | null; printed: string }[];
      confidentiality?: Confidentiality;
    },
  ) => {
    position += 1;
    const row = await db
      .insertInto('agenda_items')
      .values({
        meeting_id: meetingId,
        position,
        title: fields.title,
        kind: fields.kind,
        body_html: rich(fields.bodyHtml ?? ''),
        body_text: richTextToPlain(fields.bodyHtml ?? ''),
        presenters: JSON.stringify(
          (fields.presenters ?? []).map((p) => ({
            personId: p.name ? people.get(p.name) : null,
            printed: p.printed,
          })),
        ),
        confidentiality: fields.confidentiality ?? 'public',
        exempt_reason: fields.confidentiality === 'exempt' ? 'Paragraph 7: prevention of crime' : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };

  let questionPosition = 0;
  const question = async (fields: {
    itemId: string | null;
    source: QuestionSource;
    number?: number | null;
    text: string;
    askedBy?: string;
    publicName?: string;
    consent?: boolean;
    answerHtml?: string;
  }) => {
    questionPosition += 1;
    const row = await db
      .insertInto('questions')
      .values({
        meeting_id: meeting.id,
        item_id: fields.itemId,
        number: fields.number ?? null,
        position: questionPosition,
        source: fields.source,
        text: fields.text,
        asked_by_printed: fields.askedBy ?? '',
        public_asker_name: fields.publicName ?? null,
        public_name_consent: fields.consent ?? false,
        answer_html: fields.answerHtml ?? '',
        answer_text: richTextToPlain(fields.answerHtml ?? ''),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  };

  const action = async (fields: {
    reference: string;
    text: string;
    itemId: string | null;
    questionId?: string | null;
    owner?: string;
    status?: ActionStatus;
    dueDate?: string | null;
    confidentiality?: Confidentiality;
    closedAt?: string;
    closureNote?: string;
    meetingId?: string;
  }) => {
    const row = await db
      .insertInto('actions')
      .values({
        board_id: board.id,
        reference: fields.reference,
        text: fields.text,
        owner_organisation_id: fields.owner ?? wmp!.id,
        owner_person_id: people.get('Richard North')!,
        meeting_id: fields.meetingId ?? meeting.id,
        item_id: fields.itemId,
        question_id: fields.questionId ?? null,
        due_date: fields.dueDate ?? null,
        status: fields.status ?? 'open',
        closed_at: fields.closedAt ?? null,
        closure_note: fields.closureNote ?? null,
        confidentiality: fields.confidentiality ?? 'public',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (fields.closureNote) {
      // As the secretariat closes an action with its note published on the public website.
      await db
        .insertInto('action_updates')
        .values({
          action_id: row.id,
          author_name: 'OPCC Secretariat',
          kind: 'closed',
          text: fields.closureNote,
          public: true,
        })
        .execute();
    }
    return row.id;
  };

  // 1-5: attendance, notes of last meeting, two updates, members' questions.
  await item(meeting.id, { title: 'Attendance and apologies', kind: 'attendance' });
  await item(meeting.id, {
    title: 'Notes of last meeting',
    kind: 'previous_notes',
    bodyHtml: '<p>The notes of the last meeting were approved.</p>',
  });
  const romanList = (points: string[]) =>
    `<ol type="I">${points.map((p) => `<li>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</li>`).join('')}</ol>`;
  await item(meeting.id, {
    title: 'PCC Update',
    kind: 'update',
    bodyHtml: `<p>The Commissioner provided an update which covered the following:</p>${romanList(PCC_UPDATE_POINTS)}`,
  });
  await item(meeting.id, {
    title: 'Chief Constable Update',
    kind: 'update',
    bodyHtml: `<p>The Deputy Chief Constable provided an update which covered the following:</p>${romanList(CHIEF_CONSTABLE_UPDATE_POINTS)}`,
  });
  const questionsItem = await item(meeting.id, { title: 'Questions from AGB members', kind: 'questions' });
  for (const [index, q] of MEMBER_QUESTIONS.entries()) {
    // The first is filed under the item; the others are not, and still belong to it.
    await question({
      itemId: index === 0 ? questionsItem : null,
      source: 'pre_submitted',
      number: q.number,
      text: q.text,
      askedBy: ASKED_BY_DEPUTY_PCC,
      answerHtml: answerHtml(q),
    });
  }
  await question({
    itemId: null,
    source: 'public',
    text: 'How many neighbourhood officers does my ward have?',
    publicName: `Jo Bloggs ${PUBLIC_NAME_CANARY}`,
    consent: false,
    answerHtml: rich('<ul><li>Six, shared with the neighbouring ward.</li></ul>'),
  });

  // 6-7: the two reports, with the discussion and the four actions.
  const presentedBy =
    '<p>The item was presented by Assistant Chief Constable Richard North. The following discussion took place:</p>';
  const today30Ago = addDays(today, -30);
  const actionFields: Record<number, Partial<Parameters<typeof action>[0]>> = {
    1: { status: 'in_progress', dueDate: today30Ago },
    2: { status: 'open', dueDate: null },
    3: {
      status: 'closed',
      dueDate: today30Ago,
      closedAt: '2026-04-20T10:00:00Z',
      closureNote: 'Matrix shared with the OPCC on 20 April.',
    },
    4: { status: 'open', dueDate: addDays(today, 60) },
  };
  const actionIds: Record<number, string> = {};
  const actionTexts: string[] = [];
  for (const [title, discussion] of [
    ['Domestic Abuse', DOMESTIC_ABUSE_DISCUSSION],
    ['Violence Against Women and Girls (VAWG) and Child Sexual Exploitation (CSE)', VAWG_CSE_DISCUSSION],
  ] as const) {
    const itemId = await item(meeting.id, {
      title,
      kind: 'report',
      presenters: [{ name: 'Richard North', printed: RICHARD_NORTH }],
      bodyHtml: presentedBy,
    });
    for (const q of discussion) {
      const questionId = await question({
        itemId,
        source: 'in_meeting',
        text: q.text,
        answerHtml: answerHtml(q),
      });
      for (const a of q.actions) {
        const n = Number(a.reference.split('/').at(-1));
        actionIds[n] = await action({
          reference: a.reference,
          text: a.text,
          itemId,
          questionId,
          ...actionFields[n],
        });
        actionTexts.push(a.text);
      }
    }
    if (title === 'Domestic Abuse') {
      // Confidential action under a public item: in no public document either.
      await action({
        reference: 'AGB/2026-03/7',
        text: `Exempt follow-up ${EXEMPT_ACTION_CANARY}`,
        itemId,
        confidentiality: 'exempt',
        dueDate: today30Ago,
      });
    }
  }
  await db
    .insertInto('action_updates')
    .values({
      action_id: actionIds[1]!,
      author_name: 'WMP',
      text: 'Data is being audited; expected next month.',
      public: true,
    })
    .execute();

  // 8-9: an exempt and an OPCC-only item, with everything that can hang off an item.
  const exemptItem = await item(meeting.id, {
    title: `Operation Nightjar staffing (${EXEMPT_TITLE_CANARY})`,
    kind: 'report',
    confidentiality: 'exempt',
    presenters: [{ name: null, printed: `Detective Superintendent ${EXEMPT_CANARY}` }],
    bodyHtml: `<p>Confidential staffing discussion ${EXEMPT_CANARY}.</p>`,
  });
  const opccItem = await item(meeting.id, {
    title: `Commissioner's briefing ${OPCC_CANARY}`,
    kind: 'other',
    confidentiality: 'opcc_only',
    presenters: [{ name: null, printed: `Chief Executive ${OPCC_CANARY}` }],
    bodyHtml: `<p>Briefing for the Commissioner only ${OPCC_CANARY}.</p>`,
  });
  for (const [itemId, canary, n] of [
    [exemptItem, EXEMPT_CANARY, 5],
    [opccItem, OPCC_CANARY, 6],
  ] as const) {
    const questionId = await question({
      itemId,
      source: 'pre_submitted',
      number: 90 + n,
      text: `Hidden question ${canary}?`,
      askedBy: `Hidden asker ${canary}`,
      answerHtml: rich(`<ul><li>Hidden answer ${canary}</li></ul>`),
    });
    await action({
      reference: `AGB/2026-03/${n}`,
      text: `Hidden action ${canary}`,
      itemId,
      questionId,
      dueDate: today30Ago,
    });
    await action({ reference: `AGB/2026-03/${n}a`, text: `Hidden item action ${canary}`, itemId });
    const file = await db
      .insertInto('files')
      .values({
        filename: 'paper.pdf',
        content_type: 'application/pdf',
        size_bytes: 12_000,
        sha256: '0'.repeat(64),
        data: Buffer.from('%PDF-1.4'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('papers')
      .values({ item_id: itemId, file_id: file.id, title: `Paper ${canary}` })
      .execute();
  }
  // In attendance only for the exempt item: their presence is as confidential as the item.
  await db
    .insertInto('attendance')
    .values({
      meeting_id: meeting.id,
      person_id: people.get('Detective Superintendent Ray Holt')!,
      role: `Witness ${EXEMPT_CANARY}`,
      organisation: 'WMP',
      status: 'in_attendance',
      for_item_id: exemptItem,
      position: 99,
    })
    .execute();

  // 10: close.
  await item(meeting.id, { title: 'CLOSE', kind: 'close' });

  await db
    .insertInto('attendance')
    .values([
      ...PRESENT.map(([name, role, org], index) => ({
        meeting_id: meeting.id,
        person_id: people.get(name)!,
        role,
        organisation: org,
        status: 'present' as const,
        position: index,
        for_item_id: null,
      })),
      ...APOLOGIES.map(([name, role, org], index) => ({
        meeting_id: meeting.id,
        person_id: people.get(name)!,
        role,
        organisation: org,
        status: 'apologies' as const,
        position: 50 + index,
        for_item_id: null,
      })),
    ])
    .execute();

  // The next meeting's agenda so far (a second meeting for batch renders).
  position = 0;
  await item(next.id, { title: 'Apologies', kind: 'attendance' });
  const contact = await item(next.id, {
    title: 'Contact Management',
    kind: 'report',
    presenters: [{ name: 'Matt Welsted', printed: 'Assistant Chief Constable, Matt Welsted' }],
  });
  const file = await db
    .insertInto('files')
    .values({
      filename: 'contact-management.pdf',
      content_type: 'application/pdf',
      size_bytes: 412_000,
      sha256: '1'.repeat(64),
      data: Buffer.from('%PDF-1.4'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('papers')
    .values({ item_id: contact, file_id: file.id, title: 'Contact Management report' })
    .execute();
  await item(next.id, { title: 'CLOSE', kind: 'close' });

  return {
    boardId: board.id,
    meetingId: meeting.id,
    nextMeetingId: next.id,
    wmpId: wmp!.id,
    opccId: opcc!.id,
    actionTexts,
  };
}
