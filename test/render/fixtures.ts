/**
 * View models for the render tests and the benchmark: the full reference meeting (AGB, 24 March 2026)
 * plus an exempt item whose canary text must never reach any output, an action log and an agenda.
 */
import {
  type ActionLogViewModel,
  type AgendaViewModel,
  type NotesItem,
  type NotesViewModel,
  type Person,
  trustSanitisedHtml,
} from '../../src/documents/render/view-models.ts';
import {
  CHIEF_CONSTABLE_UPDATE_POINTS,
  DOMESTIC_ABUSE_DISCUSSION,
  MEMBER_QUESTIONS,
  PCC_UPDATE_POINTS,
  VAWG_CSE_DISCUSSION,
} from './reference-meeting-text.ts';

/** Appears only in exempt material: finding it in any output is a leak. */
export const EXEMPT_CANARY = 'CANARY-EXEMPT-7f3a9c';

export const BOARD = { name: 'Accountability and Governance Board', code: 'AGB' };

export const RICHARD_NORTH = 'Temporary Assistant Chief Constable, Richard North';

function person(name: string, role: string, organisation: string | null = null): Person {
  return { name, role, organisation };
}

export const ATTENDEES: Person[] = [
  person('Wasim Ali', 'Deputy Police and Crime Commissioner', 'OPCC'),
  person('Scott Green', 'Chief Constable', 'WMP'),
  person('Simon Foster', 'Police and Crime Commissioner', 'OPCC'),
  person('Peter Gillett', 'Director of Commercial and People Services', 'WMP'),
  person('Stephen Heeley', 'Staff Officer', 'WMP'),
  person('Jonathan Jardine', 'Chief Executive', 'OPCC'),
  person('Jennifer Mattinson', 'Deputy Chief Constable', 'WMP'),
  person('Richard North', 'Temporary Assistant Chief Constable'),
  person("Mike O'Hara", 'Assistant Chief Constable', 'WMP'),
  person('Andrew Parsons', 'Temporary Assistant Chief Constable'),
  person('Natalie Queiroz', 'Victims Advocate', 'OPCC'),
  person('Matt Welsted', 'Assistant Chief Constable', 'WMP'),
];

export const APOLOGIES: Person[] = [
  person('Alethea Fuller', 'Deputy Chief Executive', 'OPCC'),
  person('Jane Heppel', 'Chief Finance Officer', 'OPCC'),
  person('Ian Parnell', 'Assistant Chief Constable', 'WMP'),
];

const PRESENTED_BY_NORTH = trustSanitisedHtml(
  '<p>The item was presented by Assistant Chief Constable Richard North. The following discussion took place:</p>',
);

/** Defaults for the fields most items leave empty. */
function item(fields: Pick<NotesItem, 'number' | 'title' | 'kind'> & Partial<NotesItem>): NotesItem {
  return {
    confidentiality: 'public',
    presenters: [],
    bodyHtml: null,
    updatePoints: [],
    attendance: null,
    questions: [],
    actions: [],
    ...fields,
  };
}

export const EXEMPT_ITEM: NotesItem = item({
  number: '9',
  title: `Operation Nightjar staffing (${EXEMPT_CANARY})`,
  kind: 'report',
  confidentiality: 'exempt',
  presenters: [`Detective Superintendent ${EXEMPT_CANARY}`],
  bodyHtml: trustSanitisedHtml(`<p>Confidential staffing discussion ${EXEMPT_CANARY}.</p>`),
  actions: [{ reference: 'AGB/2026-03/X', text: `Exempt action ${EXEMPT_CANARY}`, owner: 'WMP' }],
});

export function referenceNotes(): NotesViewModel {
  return {
    board: BOARD,
    meeting: { date: '2026-03-24', startTime: null, location: null },
    summary: 'These minutes provide a summary of key points raised during this meeting.',
    approved: true,
    protectiveMarking: 'OFFICIAL',
    edited: null,
    items: [
      item({
        number: '1',
        title: 'Attendance and apologies',
        kind: 'attendance',
        attendance: { present: ATTENDEES, apologies: APOLOGIES, inAttendance: [] },
      }),
      item({
        number: '2',
        title: 'Notes of last meeting',
        kind: 'minutes',
        bodyHtml: trustSanitisedHtml('<p>The notes of the last meeting were approved.</p>'),
      }),
      item({
        number: '3',
        title: 'PCC Update',
        kind: 'update',
        bodyHtml: trustSanitisedHtml(
          '<p>The Commissioner provided an update which covered the following:</p>',
        ),
        updatePoints: PCC_UPDATE_POINTS,
      }),
      item({
        number: '4',
        title: 'Chief Constable Update',
        kind: 'update',
        bodyHtml: trustSanitisedHtml(
          '<p>The Deputy Chief Constable provided an update which covered the following:</p>',
        ),
        updatePoints: CHIEF_CONSTABLE_UPDATE_POINTS,
      }),
      item({
        number: '5',
        title: 'Questions from AGB members',
        kind: 'questions',
        questions: MEMBER_QUESTIONS,
      }),
      item({
        number: '6',
        title: 'Domestic Abuse',
        kind: 'report',
        presenters: [RICHARD_NORTH],
        bodyHtml: PRESENTED_BY_NORTH,
        questions: DOMESTIC_ABUSE_DISCUSSION,
      }),
      item({
        number: '7',
        title: 'Violence Against Women and Girls (VAWG) and Child Sexual Exploitation (CSE)',
        kind: 'report',
        presenters: [RICHARD_NORTH],
        bodyHtml: PRESENTED_BY_NORTH,
        questions: VAWG_CSE_DISCUSSION,
      }),
      EXEMPT_ITEM,
      item({ number: '8', title: 'CLOSE', kind: 'close' }),
    ],
    nextMeeting: { date: '2026-04-28', startTime: null, location: null },
  };
}

export function referenceActionLog(): ActionLogViewModel {
  const raisedAt = (itemNumber: string, itemTitle: string) => ({
    meetingDate: '2026-03-24',
    itemNumber,
    itemTitle,
  });
  return {
    board: BOARD,
    generatedAt: '2026-05-12T08:30:00Z',
    filtersDescription: 'All actions raised at meetings since 1 January 2026',
    protectiveMarking: 'OFFICIAL',
    rows: [
      {
        reference: 'AGB/2026-03/3',
        text: 'WMP to provide OPCC with the Matrix to understand risk around these incidents.',
        ownerOrganisation: 'WMP',
        ownerPerson: 'Temporary Assistant Chief Constable Richard North',
        raisedAt: raisedAt('7', 'VAWG and CSE'),
        dueDate: '2026-04-28',
        status: 'closed',
        overdue: false,
        latestUpdate: null,
        closedAt: '2026-04-20',
        closureNote: 'Matrix shared with the OPCC policy team on 20 April.',
      },
      {
        reference: 'AGB/2026-03/1',
        text: "WMP to provide OPCC with specific data in relation to Raneem's Law once finalised and audited.",
        ownerOrganisation: 'WMP',
        ownerPerson: null,
        raisedAt: raisedAt('6', 'Domestic Abuse'),
        dueDate: '2026-04-28',
        status: 'in_progress',
        overdue: true,
        latestUpdate: { date: '2026-04-28', text: 'Data is being audited; expected in May.', by: 'WMP' },
        closedAt: null,
        closureNote: null,
      },
      {
        reference: 'AGB/2026-03/2',
        text: 'WMP to provide the OPCC with an expected figure of non-molestation orders resulting in arrest.',
        ownerOrganisation: 'WMP',
        ownerPerson: null,
        raisedAt: raisedAt('6', 'Domestic Abuse'),
        dueDate: null,
        status: 'open',
        overdue: false,
        latestUpdate: null,
        closedAt: null,
        closureNote: null,
      },
    ],
  };
}

export function referenceAgenda(): AgendaViewModel {
  return {
    board: BOARD,
    meeting: { date: '2026-04-28', startTime: '10:00', location: 'Lloyd House, Colmore Circus, Birmingham' },
    approved: false,
    protectiveMarking: 'OFFICIAL',
    items: [
      {
        number: '1',
        title: 'Apologies',
        presenters: [],
        papers: [],
        confidentiality: 'public',
        listTitleWhenExempt: false,
      },
      {
        number: '2',
        title: 'Contact Management',
        presenters: ['Assistant Chief Constable, Matt Welsted'],
        papers: [{ title: 'Contact Management report', format: 'PDF', sizeBytes: 412_000 }],
        confidentiality: 'public',
        listTitleWhenExempt: false,
      },
      {
        number: '3',
        title: 'Estates strategy: site disposals',
        presenters: [`Director ${EXEMPT_CANARY}`],
        papers: [{ title: `Disposal schedule ${EXEMPT_CANARY}`, format: 'PDF', sizeBytes: 90_000 }],
        confidentiality: 'exempt',
        listTitleWhenExempt: true,
      },
      {
        number: '4',
        title: `Unlisted exempt item ${EXEMPT_CANARY}`,
        presenters: [],
        papers: [],
        confidentiality: 'exempt',
        listTitleWhenExempt: false,
      },
    ],
  };
}

/**
 * The reference notes with the substantive items (3 to 7) repeated: `copies` = 20 prints about 300
 * pages. Each copy gets its own item numbers so the outline stays meaningful.
 */
export function longNotes(copies: number): NotesViewModel {
  const vm = referenceNotes();
  const substantive = vm.items.filter((entry) => ['3', '4', '5', '6', '7'].includes(entry.number));
  const repeated = Array.from({ length: copies }, (_, copy) =>
    substantive.map((entry) => ({ ...entry, number: `${copy + 1}.${entry.number}` })),
  ).flat();
  return { ...vm, items: [...vm.items.slice(0, 2), ...repeated, ...vm.items.slice(-1)] };
}
