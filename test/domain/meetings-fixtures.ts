import { expect } from 'vitest';
import type { TestApp, TestUser } from '../helpers/app.ts';

/** Builders for the meetings/agenda tests. Everything goes through the public API, as a client would. */

export const AGB_STANDING_ITEMS = [
  { title: 'Attendees', kind: 'attendance' },
  { title: 'Notes of last meeting', kind: 'previous_notes' },
  { title: 'PCC Update', kind: 'update' },
  { title: 'Chief Constable Update', kind: 'update' },
  { title: 'Questions from AGB members', kind: 'questions' },
  { title: 'CLOSE', kind: 'close' },
] as const;

let boardCounter = 0;

export async function createBoard(t: TestApp, admin: TestUser, overrides: Record<string, unknown> = {}) {
  boardCounter += 1;
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/boards',
    as: admin,
    payload: {
      name: 'Accountability and Governance Board',
      code: `AGB${boardCounter}${Math.floor(Math.random() * 1000)}`.slice(0, 10),
      description: 'Where the Police and Crime Commissioner holds the Chief Constable to account.',
      standingItems: AGB_STANDING_ITEMS,
      questionDeadlineDays: 7,
      ...overrides,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; code: string; name: string };
}

export async function createMeeting(
  t: TestApp,
  as: TestUser,
  boardId: string,
  overrides: Record<string, unknown> = {},
) {
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/meetings',
    as,
    payload: {
      boardId,
      date: '2026-03-24',
      startTime: '10:00',
      location: 'Lloyd House, Birmingham',
      ...overrides,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as MeetingDetail;
}

export interface MeetingDetail {
  id: string;
  version: number;
  status: string;
  startsAt: string;
  date: string;
  startTime: string;
  dateText: string;
  questionDeadline: string | null;
  nextMeeting: { date: string; dateText: string; meetingId: string | null } | null;
  attendance: Record<'present' | 'apologies' | 'absent' | 'inAttendance', AttendanceEntry[]>;
  items: Item[];
  declarations: { id: string; personName: string; itemId: string | null; interest: string }[];
  [key: string]: unknown;
}
export interface AttendanceEntry {
  id: string;
  personId: string;
  name: string;
  role: string;
  organisation: string | null;
  status: string;
  forItemId: string | null;
}
export interface Item {
  id: string;
  number: number;
  title: string;
  kind: string;
  presenters: { personId: string | null; printed: string }[];
  bodyHtml: string;
  bodyText: string;
  confidentiality: string;
  exemptReason: string | null;
  version: number;
  papers: {
    id: string;
    title: string;
    filename: string;
    sizeBytes: number;
    sha256: string;
    confidentiality: string;
  }[];
}

export async function addItem(t: TestApp, as: TestUser, meetingId: string, payload: Record<string, unknown>) {
  const res = await t.request({ method: 'POST', url: `/api/v1/meetings/${meetingId}/agenda`, as, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Item;
}

/** Organisation short names are unique: reuse one made by an earlier build in the same file. */
export async function createOrganisation(t: TestApp, as: TestUser, name: string, shortName: string) {
  const list = await t.request({ method: 'GET', url: '/api/v1/organisations', as });
  const existing = (list.json() as { items: { id: string; shortName: string }[] }).items.find(
    (o) => o.shortName === shortName,
  );
  if (existing) return existing;
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/organisations',
    as,
    payload: { name, shortName },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

export async function createPerson(
  t: TestApp,
  as: TestUser,
  name: string,
  jobTitle: string | null,
  organisationId: string | null,
) {
  const res = await t.request({
    method: 'POST',
    url: '/api/v1/people',
    as,
    payload: { name, jobTitle, organisationId },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; name: string };
}

/** The attendance of 24 March 2026 as printed: organisation null where the notes print none. */
export const AGB_ATTENDANCE: {
  name: string;
  role: string;
  org: 'OPCC' | 'WMP';
  printedOrg: string | null;
  status: string;
}[] = [
  {
    name: 'Wasim Ali',
    role: 'Deputy Police and Crime Commissioner',
    org: 'OPCC',
    printedOrg: 'OPCC',
    status: 'present',
  },
  { name: 'Scott Green', role: 'Chief Constable', org: 'WMP', printedOrg: 'WMP', status: 'present' },
  {
    name: 'Simon Foster',
    role: 'Police and Crime Commissioner',
    org: 'OPCC',
    printedOrg: 'OPCC',
    status: 'present',
  },
  {
    name: 'Peter Gillett',
    role: 'Director of Commercial and People Services',
    org: 'WMP',
    printedOrg: 'WMP',
    status: 'present',
  },
  { name: 'Stephen Heeley', role: 'Staff Officer', org: 'WMP', printedOrg: 'WMP', status: 'present' },
  { name: 'Jonathan Jardine', role: 'Chief Executive', org: 'OPCC', printedOrg: 'OPCC', status: 'present' },
  {
    name: 'Jennifer Mattinson',
    role: 'Deputy Chief Constable',
    org: 'WMP',
    printedOrg: 'WMP',
    status: 'present',
  },
  {
    name: 'Richard North',
    role: 'Temporary Assistant Chief Constable',
    org: 'WMP',
    printedOrg: null,
    status: 'present',
  },
  {
    name: "Mike O'Hara",
    role: 'Assistant Chief Constable',
    org: 'WMP',
    printedOrg: 'WMP',
    status: 'present',
  },
  {
    name: 'Andrew Parsons',
    role: 'Temporary Assistant Chief Constable',
    org: 'WMP',
    printedOrg: null,
    status: 'present',
  },
  { name: 'Natalie Queiroz', role: 'Victims Advocate', org: 'OPCC', printedOrg: 'OPCC', status: 'present' },
  {
    name: 'Matt Welsted',
    role: 'Assistant Chief Constable',
    org: 'WMP',
    printedOrg: 'WMP',
    status: 'present',
  },
  {
    name: 'Alethea Fuller',
    role: 'Deputy Chief Executive',
    org: 'OPCC',
    printedOrg: 'OPCC',
    status: 'apologies',
  },
  {
    name: 'Jane Heppel',
    role: 'Chief Finance Officer',
    org: 'OPCC',
    printedOrg: 'OPCC',
    status: 'apologies',
  },
  {
    name: 'Ian Parnell',
    role: 'Assistant Chief Constable',
    org: 'WMP',
    printedOrg: 'WMP',
    status: 'apologies',
  },
];

export const PCC_UPDATE_HTML =
  '<p>The Commissioner provided an update which covered the following:</p>' +
  '<ol type="I"><li>The PCC has written to the Acting Chief Constable about the historic discrimination.</li>' +
  '<li>The West Midlands VRP has been provisionally allocated over £5 million for April 26-March 27.</li>' +
  '<li>The PCC formally recognised the Police Staff Week of Celebration and Recognition.</li>' +
  '<li>The OPCC has relaunched the Fraud Prevention Partnership Board.</li>' +
  '<li>The OPCC are hosting a Victim Summit on 26th March 2026, chaired by Natalie Queiroz.</li></ol>';

export const CC_UPDATE_HTML =
  '<p>The Deputy Chief Constable provided an update which covered the following:</p>' +
  '<ol type="I"><li>There have been four recent homicides in the West Midlands.</li>' +
  '<li>WMP have been particularly engaged in policing protest activity.</li>' +
  '<li>Operation Strive is ongoing with the Acting Chief Constable as the Gold Commander.</li>' +
  '<li>Operation Applegreen has been launched in preparation for the local elections.</li></ol>';

/** Builds the whole 24 March 2026 meeting: board, directory, attendance, the eight items in order. */
export async function buildAgbMeeting(t: TestApp, admin: TestUser) {
  const board = await createBoard(t, admin);
  const opcc = await createOrganisation(t, admin, 'Office of the Police and Crime Commissioner', 'OPCC');
  const wmp = await createOrganisation(t, admin, 'West Midlands Police', 'WMP');
  const people: Record<string, string> = {};
  for (const a of AGB_ATTENDANCE) {
    people[a.name] = (await createPerson(t, admin, a.name, a.role, a.org === 'OPCC' ? opcc.id : wmp.id)).id;
  }
  const meeting = await createMeeting(t, admin, board.id, { nextMeetingDate: '2026-04-28' });
  for (const a of AGB_ATTENDANCE) {
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/meetings/${meeting.id}/attendance`,
      as: admin,
      payload: {
        personId: people[a.name],
        status: a.status,
        ...(a.printedOrg === null ? { organisation: null } : {}),
      },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  const byTitle = Object.fromEntries(meeting.items.map((i) => [i.title, i]));
  const edit = async (item: Item, payload: Record<string, unknown>) => {
    const res = await t.request({
      method: 'PATCH',
      url: `/api/v1/agenda-items/${item.id}`,
      as: admin,
      headers: { 'if-match': `W/"${item.id}:${item.version}"` },
      payload,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Item;
  };
  await edit(byTitle['Notes of last meeting']!, {
    bodyHtml: '<p>The notes of the last meeting were approved.</p>',
  });
  await edit(byTitle['PCC Update']!, { bodyHtml: PCC_UPDATE_HTML });
  await edit(byTitle['Chief Constable Update']!, { bodyHtml: CC_UPDATE_HTML });
  const presenter = {
    personId: people['Richard North']!,
    printed: 'Temporary Assistant Chief Constable, Richard North',
  };
  const da = await addItem(t, admin, meeting.id, {
    title: 'Domestic Abuse',
    kind: 'report',
    presenters: [presenter],
    bodyHtml: '<p>The item was presented by Assistant Chief Constable Richard North.</p>',
  });
  const vawg = await addItem(t, admin, meeting.id, {
    title: 'Violence Against Women and Girls (VAWG) and Child Sexual Exploitation (CSE)',
    kind: 'report',
    presenters: [presenter],
  });
  const order = [
    ...meeting.items.filter((i) => i.kind !== 'close').map((i) => i.id),
    da.id,
    vawg.id,
    byTitle.CLOSE!.id,
  ];
  const reordered = await t.request({
    method: 'POST',
    url: `/api/v1/meetings/${meeting.id}/agenda/reorder`,
    as: admin,
    payload: { itemIds: order },
  });
  expect(reordered.statusCode, reordered.body).toBe(200);
  await edit(byTitle.CLOSE!, { bodyHtml: '<p>Next meeting: Tuesday 28 April 2026</p>' });
  return { board, meeting, people, opcc, wmp, itemIds: order };
}

/** A multipart/form-data body as a browser would send it. */
export function multipart(
  parts: { name: string; filename?: string; contentType?: string; data: string | Buffer }[],
) {
  const boundary = `----boardroom${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename !== undefined ? `; filename="${part.filename}"` : ''}`;
    const head = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.contentType ? `Content-Type: ${part.contentType}\r\n` : ''}\r\n`;
    chunks.push(
      Buffer.from(head),
      Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export const MINIMAL_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
export const PNG_BYTES = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489',
  'hex',
);
