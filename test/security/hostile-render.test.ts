/**
 * Hostile content through the whole product. The named payloads of ./hostile-payloads.ts go in over
 * the real HTTP API (a listening server, fetch) as the board's secretariat, each into every field
 * that reaches a document: item title, presenter, body (rich), question text, asked-by and answer
 * (rich), action text, update text and closure note, attendee role, person name and job title, the
 * meeting's summary and location. Then the Notes of the Meeting, agenda and action log PDFs come
 * back through their real endpoints (and the published version's PDF), and the HTML previews and
 * pages (API previews, staff screens, public site) are opened in Chromium with scripts on.
 *
 * A canary listener on 127.0.0.1 (random port) is where every payload tries to reach: it must see
 * 0 requests. Every plain-text payload must print literally in the PDF text; every rich-text one
 * must print exactly what the sanitiser left of it (or nothing, when it removed it all); no
 * "PWNED" marker may appear anywhere but inside those literal payloads.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/modules/auth/passwords.ts';
import { insertUser, setSecretariatBoards } from '../../src/modules/users/repo.ts';
import { createDocumentsTestApp, type DocumentsTestApp } from '../documents/harness.ts';
import { TEST_PASSWORD } from '../helpers/app.ts';
import { inspectPdf } from '../render/pdf-inspect.ts';
import { launchBrowser, signIn } from '../web/browser.ts';
import { type HostilePayload, hostilePayloads } from './hostile-payloads.ts';

const squash = (text: string) => text.replace(/\s+/g, '');
const ORG_NAME = 'Org <b>bold</b> {{constructor}} <img src=x onerror=alert(1)>';
/** What the documents print for the owning organisation. */
const ORG_SHORT = '<b>Org</b>{{this}}';
const BOARD_NAME = 'Hostile Board {{constructor}} <script>document.title="PWNED-board"</script>';

let t: DocumentsTestApp;
let base: string;
let canary: Server;
let canaryUrl: string;
const canaryHits: string[] = [];
let browser: Browser;
let payloads: HostilePayload[];

interface Meeting {
  id: string;
  /** Indexes into `payloads`. */
  members: number[];
  summary: string;
  location: string;
}
const meetings: Meeting[] = [];
let boardId: string;
let secretariat: { email: string; token: string };
/** Stored rich text as the API returned it, by field code and payload index. */
const storedRich = new Map<string, string>();
/** What a rejected plain field answered, per payload name. */
const refusals: { name: string; field: string; status: number }[] = [];

async function api(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: () => unknown; headers: Headers; bytes: Uint8Array }> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${secretariat.token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return {
    status: res.status,
    headers: res.headers,
    bytes,
    json: () => JSON.parse(Buffer.from(bytes).toString('utf8')),
  };
}

async function ok<T>(method: string, path: string, body?: unknown, headers?: Record<string, string>) {
  const res = await api(method, path, body, headers);
  if (res.status >= 300) {
    throw new Error(`${method} ${path}: ${res.status} ${Buffer.from(res.bytes).toString('utf8')}`);
  }
  return res.json() as T;
}

async function makeUser(roles: ('admin' | 'secretariat')[], boards: string[] = []) {
  const email = `hostile-${roles.join('-')}-${Date.now()}@example.org`;
  const id = await insertUser(t.database.db, {
    email,
    displayName: `Hostile ${roles.join(' ')}`,
    passwordHash: await hashPassword(TEST_PASSWORD),
    roles,
    organisationId: null,
    personId: null,
  });
  if (boards.length) await setSecretariatBoards(t.database.db, id, boards);
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login: ${res.status}`);
  return { email, token: ((await res.json()) as { accessToken: string }).accessToken };
}

const tag = (code: string, n: number) => `${code}${String(n).padStart(2, '0')}`;
/** A plain-text field's value: the payload, or for one the API refuses, a stand-in. */
const plain = (code: string, n: number) => {
  const p = payloads[n]!;
  return `${tag(code, n)} ${p.refused ? `${p.name} refused` : p.input}`;
};
/** The same as printed in a PDF's text. */
const printedPlain = (code: string, n: number) => {
  const p = payloads[n]!;
  return p.pdfText && !p.refused ? `${tag(code, n)} ${p.pdfText}` : plain(code, n);
};
const richBody = (code: string, n: number, input: string) =>
  `<p>${tag(code, n)}-START</p>${input}<p>${tag(code, n)}-END</p>`;

/**
 * Sends the payload into one field, expecting 400 problem+json that names the field (validation), or
 * with `named` false one that does not.
 */
async function expectRefused(
  n: number,
  field: string,
  method: string,
  path: string,
  body: object,
  named = true,
) {
  const res = await api(method, path, body);
  const problem = res.json() as { errors?: { path: string }[] };
  expect(res.status, `${payloads[n]!.name} in ${field}`).toBe(400);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  if (named) expect(problem.errors?.some((e) => e.path.endsWith(field))).toBe(true);
  refusals.push({ name: payloads[n]!.name, field, status: res.status });
}

beforeAll(async () => {
  canary = createServer((request, response) => {
    canaryHits.push(`${request.method} ${request.url}`);
    response.end('CANARY-RESPONSE root:x:0:0');
  });
  await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
  canaryUrl = `http://127.0.0.1:${(canary.address() as AddressInfo).port}`;
  payloads = hostilePayloads(canaryUrl);

  t = await createDocumentsTestApp({ RENDER_POOL_SIZE: '1' });
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;

  const admin = await makeUser(['admin']);
  secretariat = admin; // for api() until the secretariat exists
  const board = await ok<{ id: string }>('POST', '/api/v1/boards', {
    name: BOARD_NAME,
    code: 'HOS',
  });
  boardId = board.id;
  secretariat = await makeUser(['secretariat'], [boardId]);

  const org = await ok<{ id: string }>('POST', '/api/v1/organisations', {
    name: ORG_NAME,
    shortName: ORG_SHORT,
  });

  // Meetings in the past, so their notes can be approved and published; each takes as many payloads
  // as its summary (2,000 characters) holds.
  let current: number[] = [];
  const groups: number[][] = [];
  const summaryOf = (members: number[]) => members.map((n) => plain('S', n)).join(' ');
  payloads.forEach((_, n) => {
    if (summaryOf([...current, n]).length > 2000) {
      groups.push(current);
      current = [];
    }
    current.push(n);
  });
  groups.push(current);

  for (const [g, members] of groups.entries()) {
    const summary = summaryOf(members);
    const location = plain('L', members[0]!);
    const meeting = await ok<{ id: string; version: number }>('POST', '/api/v1/meetings', {
      boardId,
      date: `2025-0${g + 3}-10`,
      startTime: '10:00',
      location,
      summary,
    });
    meetings.push({ id: meeting.id, members, summary, location });
    await ok('POST', `/api/v1/meetings/${meeting.id}/agenda`, { title: 'Attendance', kind: 'attendance' });

    for (const n of members) {
      const p = payloads[n]!;
      if (p.refused) {
        await expectRefused(n, 'title', 'POST', `/api/v1/meetings/${meeting.id}/agenda`, { title: p.input });
        await expectRefused(n, 'summary', 'PATCH', `/api/v1/meetings/${meeting.id}`, { summary: p.input });
      }
      const standIn = `${p.name} refused`;
      if (p.refused) {
        await expectRefused(n, 'bodyHtml', 'POST', `/api/v1/meetings/${meeting.id}/agenda`, {
          title: 'An item',
          bodyHtml: p.input,
        });
      }
      const item = await ok<{ id: string; bodyHtml: string }>(
        'POST',
        `/api/v1/meetings/${meeting.id}/agenda`,
        {
          title: plain('T', n),
          presenters: [{ printed: plain('P', n) }],
          bodyHtml: richBody('B', n, p.refused ? standIn : p.input),
        },
      );
      storedRich.set(tag('B', n), item.bodyHtml);

      const answer = p.refused ? standIn : p.input;
      if (p.refused) {
        await expectRefused(n, 'text', 'POST', `/api/v1/meetings/${meeting.id}/questions`, {
          source: 'pre_submitted',
          text: p.input,
        });
        await expectRefused(n, 'answerHtml', 'POST', `/api/v1/meetings/${meeting.id}/questions`, {
          source: 'pre_submitted',
          text: 'A question',
          answerHtml: p.input,
        });
      }
      const question = await ok<{ id: string; answerHtml: string }>(
        'POST',
        `/api/v1/meetings/${meeting.id}/questions`,
        {
          source: 'pre_submitted',
          itemId: item.id,
          text: plain('Q', n),
          askedByPrinted: plain('A', n),
          answerHtml: richBody('N', n, answer),
        },
      );
      storedRich.set(tag('N', n), question.answerHtml);

      const person = await ok<{ id: string }>('POST', '/api/v1/people', {
        name: plain('M', n),
        jobTitle: plain('J', n),
        organisationId: org.id,
      });
      if (p.refused) {
        await expectRefused(n, 'role', 'POST', `/api/v1/meetings/${meeting.id}/attendance`, {
          personId: person.id,
          status: 'present',
          role: p.input,
        });
      }
      await ok('POST', `/api/v1/meetings/${meeting.id}/attendance`, {
        personId: person.id,
        status: 'present',
        role: plain('R', n),
      });

      if (p.refused) {
        await expectRefused(n, 'text', 'POST', `/api/v1/meetings/${meeting.id}/actions`, {
          text: p.input,
          ownerOrganisationId: org.id,
        });
      }
      const action = await ok<{ id: string }>('POST', `/api/v1/meetings/${meeting.id}/actions`, {
        text: plain('X', n),
        ownerOrganisationId: org.id,
        ownerPersonId: person.id,
        itemId: item.id,
      });
      // Published by choice (not the default), so that the public outputs print them too.
      await ok('POST', `/api/v1/actions/${action.id}/updates`, { text: plain('U', n), public: true });
      // Odd ones are closed: the action log prints their closure note.
      if (n % 2 === 1)
        await ok('POST', `/api/v1/actions/${action.id}/close`, { note: plain('C', n), public: true });
    }
  }

  // A later meeting (also past) approves the notes; then they are published.
  const approving = await ok<{ id: string }>('POST', '/api/v1/meetings', {
    boardId,
    date: '2025-12-01',
    startTime: '10:00',
    online: true,
  });
  for (const meeting of meetings) {
    const current = await api('GET', `/api/v1/meetings/${meeting.id}`);
    await ok(
      'POST',
      `/api/v1/meetings/${meeting.id}/status`,
      { status: 'held' },
      { 'if-match': current.headers.get('etag')! },
    );
    await ok('POST', `/api/v1/meetings/${meeting.id}/agenda/publish`);
    await ok('POST', `/api/v1/meetings/${meeting.id}/notes/submit`);
    await ok('POST', `/api/v1/meetings/${meeting.id}/notes/approve`, { atMeetingId: approving.id });
    await ok('POST', `/api/v1/meetings/${meeting.id}/notes/publish`);
  }
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await t?.close();
  await new Promise((resolve) => canary?.close(resolve));
});

/**
 * A PDF's text without its running header and footer (board name, marking, title, "Page n of m"),
 * which would otherwise interrupt a payload broken across pages; the header must print the hostile
 * board name literally on every page.
 */
async function pdfAt(path: string) {
  const res = await api('GET', path);
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  const pdf = await inspectPdf(res.bytes);
  for (const page of pdf.pageTexts) expect(squash(page)).toContain(squash(BOARD_NAME));
  const text = pdf.pageTexts.map((page) => squash(page).replace(/^.*?Page\d+of\d+(OFFICIAL)?/, '')).join('');
  return { text, title: String(pdf.info.Title) };
}

type DocKind = 'notes' | 'agenda' | 'action-log';

/** The literal strings a document must print, and the rich-text bodies as the sanitiser left them. */
function expectations(kind: DocKind, members: number[]) {
  const literal: string[] = [];
  const rich: string[] = [];
  for (const n of members) {
    const codes =
      kind === 'notes'
        ? ['T', 'P', 'Q', 'A', 'X', 'M', 'R']
        : kind === 'agenda'
          ? ['T', 'T', 'P'] // an item's title prints twice: on the cover page and over its details
          : ['T', 'X', 'M', 'J', n % 2 === 1 ? 'C' : 'U'];
    literal.push(...codes.map((code) => printedPlain(code, n)));
    if (kind === 'notes') {
      for (const code of ['B', 'N']) {
        const p = payloads[n]!;
        const shown = p.refused ? `${p.name} refused` : (p.pdfText ?? p.rich);
        const end = p.richEatsRest && !p.refused ? '' : `${tag(code, n)}-END`;
        rich.push(`${tag(code, n)}-START${shown === 'removed' ? '' : shown}${end}`);
      }
    }
  }
  return { literal, rich };
}

/**
 * Texts with a word wider than a column or the page (the very long word, long URLs in attributes)
 * that are not all in a PDF's text: the templates do not break long words, so such a word runs on
 * past its column (attendees print in two) or the page edge and its end is cut off; in the action
 * log such words widen the table past the page, so its last columns (raised at: item title; latest
 * update; closure note) fall off the page altogether. Found by this test and fixed in print.css
 * (overflow-wrap: anywhere; table-layout: fixed): the run now requires none to be cut. For each, the
 * PDF must hold the start of it (not for the lost columns), and the HTML the PDF is printed from
 * (opened in Chromium below) all of it, inert. Anything else missing fails.
 */
const clipped: { kind: DocKind; meetingId: string | null; text: string }[] = [];
const LONG_WORD = /\S{40,}/;

/**
 * Fails with the list of what is missing, and checks the text has no more PWNED markers than the
 * literal payloads it prints (a running script would have to add one), no canary response and no
 * /etc/passwd.
 */
/**
 * In a table the lines of neighbouring cells interleave in the extracted text: there a text counts
 * as printed when its characters follow its tag in order, with at most as many others between.
 */
function inOrder(squashed: string, text: string): boolean {
  const wanted = squash(text);
  for (
    let at = squashed.indexOf(wanted.slice(0, 3));
    at >= 0;
    at = squashed.indexOf(wanted.slice(0, 3), at + 1)
  ) {
    let i = 3;
    const limit = Math.min(squashed.length, at + 2 * wanted.length + 400);
    for (let j = at + 3; j < limit && i < wanted.length; j++) if (squashed[j] === wanted[i]) i++;
    if (i === wanted.length) return true;
  }
  return false;
}
let interleaved = 0;

/** A text as a PDF prints it, back as the HTML has it (bidi controls and logical order). */
const asInHtml = (text: string) =>
  payloads.reduce((t, p) => (p.pdfText ? t.split(p.pdfText).join(p.input) : t), text);

function checkText(
  kind: DocKind,
  meetingId: string | null,
  where: string,
  text: string,
  literal: string[],
  rich: string[],
) {
  const squashed = squash(text);
  const printed = (s: string) =>
    squashed.includes(squash(s)) || (kind === 'action-log' && inOrder(squashed, s) && ++interleaved > 0);
  const missing = [...literal, ...rich].filter((s) => !printed(s));
  const cut = missing.filter(
    (s) =>
      (LONG_WORD.test(s) && squashed.includes(squash(s).slice(0, 12))) ||
      (kind === 'action-log' && /^[TUCMJ]\d\d /.test(s)),
  );
  if (missing.length > cut.length && process.env.HOSTILE_DEBUG) {
    for (const m of missing.filter((s) => !cut.includes(s))) {
      const at = squashed.indexOf(squash(m).slice(0, 5));
      console.log(where, JSON.stringify(m), '→', JSON.stringify(squashed.slice(at - 20, at + 120)));
    }
  }
  expect(
    missing.filter((s) => !cut.includes(s)),
    `${where}: missing`,
  ).toEqual([]);
  for (const text of cut) clipped.push({ kind, meetingId, text: text.replace(/^(..\d+-START)/, '') });
  // A marker may print only as part of a payload printed literally: never more of them than those carry.
  const markers = (text: string) => text.split('PWNED').length - 1;
  const carried = [...literal, ...rich, BOARD_NAME].reduce((sum, s) => sum + markers(squash(s)), 0);
  expect(markers(squashed), `${where}: PWNED markers beyond the literal payloads`).toBeLessThanOrEqual(
    carried,
  );
  expect(squashed.includes('CANARY-RESPONSE'), `${where}: canary content`).toBe(false);
  expect(squashed.includes('root:x:0:0'), `${where}: /etc/passwd`).toBe(false);
  return literal.length + rich.length;
}

const checked = { pdfs: 0, literal: 0, rich: 0, pages: 0 };

describe('hostile payloads through the API into every document', () => {
  it('has at least 40 named payloads, each in every field', () => {
    expect(payloads.length).toBeGreaterThanOrEqual(40);
    expect(new Set(payloads.map((p) => p.name)).size).toBe(payloads.length);
    // The refused payloads (NUL, bidi overrides and isolates) are refused in every field, rich ones included.
    const fields = ['answerHtml', 'bodyHtml', 'role', 'summary', 'text', 'text', 'title'];
    const refused = payloads.filter((p) => p.refused);
    expect(refused.map((p) => p.name)).toEqual(['unicode bidi override', 'unicode bidi isolate', 'NUL byte']);
    for (const p of refused) {
      expect(
        refusals
          .filter((r) => r.name === p.name)
          .map((r) => r.field)
          .sort(),
        p.name,
      ).toEqual(fields);
    }
  });

  it('stores rich text with nothing that loads or runs', () => {
    for (const [field, html] of storedRich) {
      expect(html, field).not.toMatch(
        /<(script|style|iframe|img|svg|math|object|embed|video|audio|source|track|base|form|input|link|meta|noscript|template|div|body)\b/i,
      );
      expect(html, field).not.toMatch(
        /\s(on\w+|style|src|srcset|srcdoc|poster|data|action|ping|xlink:href)\s*=/i,
      );
      for (const [, href] of html.matchAll(/href="([^"]*)"/g)) {
        expect(href, field).toMatch(/^(https?:\/\/|mailto:|[a-z-]+$)/i);
      }
    }
  });

  it('prints every payload inert in the notes, agenda and published PDFs', async () => {
    let found = 0;
    for (const meeting of meetings) {
      const notes = await pdfAt(`/api/v1/meetings/${meeting.id}/notes.pdf`);
      const published = await pdfAt(`/api/v1/meetings/${meeting.id}/notes/versions/1/pdf`);
      const agenda = await pdfAt(`/api/v1/meetings/${meeting.id}/agenda.pdf`);
      const n = expectations('notes', meeting.members);
      const a = expectations('agenda', meeting.members);
      const printed = (text: string) =>
        meeting.members.reduce(
          (t, i) => (payloads[i]!.pdfText ? t.split(payloads[i]!.input).join(payloads[i]!.pdfText!) : t),
          text,
        );
      const whole = [printed(meeting.summary), printed(meeting.location), ORG_SHORT];
      found += checkText('notes', meeting.id, 'notes.pdf', notes.text, [...n.literal, ...whole], n.rich);
      // The published version's PDF is the same document, frozen: the same cuts, so counted once.
      const before = clipped.length;
      found += checkText(
        'notes',
        meeting.id,
        'published notes',
        published.text,
        [...n.literal, ...whole],
        n.rich,
      );
      clipped.splice(before);
      found += checkText(
        'agenda',
        meeting.id,
        'agenda.pdf',
        agenda.text,
        [...a.literal, printed(meeting.location)],
        a.rich,
      );
      for (const pdf of [notes, published, agenda])
        expect(pdf.title.replace(BOARD_NAME, '')).not.toContain('PWNED');
    }
    const log = await pdfAt(`/api/v1/boards/${boardId}/action-log.pdf`);
    const l = expectations(
      'action-log',
      meetings.flatMap((m) => m.members),
    );
    found += checkText('action-log', null, 'action-log.pdf', log.text, [...l.literal, ORG_SHORT], l.rich);
    const pdfs = meetings.length * 3 + 1;
    console.info(
      `hostile render: ${payloads.length} payloads in ${meetings.length} meetings, ${pdfs} PDFs, ` +
        `${found - clipped.length} of ${found} expected texts whole (${interleaved} of them interleaved ` +
        `with neighbouring cells in the action log's table), ${clipped.length} with a long word cut off ` +
        `(${(['notes', 'agenda', 'action-log'] as const).map((k) => `${k} ${clipped.filter((c) => c.kind === k).length}`).join(', ')})`,
    );
    expect(canaryHits).toEqual([]);
    expect(clipped, 'texts cut off in a PDF').toEqual([]);
  });

  it('opens the previews, staff screens and public pages in Chromium: nothing reaches the canary, no script of theirs runs', async () => {
    const staff = await signIn(browser, base, secretariat.email);
    const anonymous = await browser.createBrowserContext();
    const apiPage = await anonymous.newPage();
    await apiPage.setExtraHTTPHeaders({ authorization: `Bearer ${secretariat.token}` });
    const publicPage = await anonymous.newPage();
    const requestsOut: string[] = [];
    for (const page of [staff.page, apiPage, publicPage]) {
      page.on('request', (request) => {
        if (!request.url().startsWith(base) && !request.url().startsWith('data:'))
          requestsOut.push(request.url());
      });
    }
    const visit = async (page: typeof apiPage, path: string, mustShow: string[] = []) => {
      const res = await page.goto(`${base}${path}`, { waitUntil: 'load' });
      expect(res?.status(), path).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const { title, text } = await page.evaluate(() => {
        const d = (globalThis as unknown as { document: { title: string; body: { innerText: string } } })
          .document;
        // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered (what a reader sees) is the point
        return { title: d.title, text: d.body.innerText };
      });
      expect(title.replace(BOARD_NAME, ''), path).not.toContain('PWNED');
      const missing = mustShow.filter((s) => !squash(text).includes(squash(s)));
      expect(missing, path).toEqual([]);
      checked.pages += 1;
      return res!;
    };

    for (const meeting of meetings) {
      const titles = meeting.members.map((n) => plain('T', n));
      const cut = (kind: DocKind) =>
        clipped.filter((c) => c.kind === kind && c.meetingId === meeting.id).map((c) => asInHtml(c.text));
      const preview = await visit(apiPage, `/api/v1/meetings/${meeting.id}/notes.html`, [
        ...titles,
        ...cut('notes'),
      ]);
      expect(preview.headers()['content-security-policy']).toContain("default-src 'none'");
      await visit(apiPage, `/api/v1/meetings/${meeting.id}/agenda.html`, [...titles, ...cut('agenda')]);
      await visit(staff.page, `/staff/meetings/${meeting.id}/notes.html`, titles);
      await visit(staff.page, `/staff/meetings/${meeting.id}`, titles);
      await visit(staff.page, `/staff/meetings/${meeting.id}/draft`);
      await visit(publicPage, `/meetings/${meeting.id}`, titles);
      await visit(publicPage, `/meetings/${meeting.id}/notes`, titles);
    }
    const logCut = clipped.filter((c) => c.kind === 'action-log').map((c) => asInHtml(c.text));
    await visit(apiPage, `/api/v1/boards/${boardId}/action-log.html`, logCut);
    await visit(staff.page, `/staff/boards/${boardId}/actions`);
    await visit(publicPage, `/boards/${boardId}/actions`);
    await visit(publicPage, `/boards/${boardId}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await staff.close();
    await anonymous.close();

    console.info(`hostile render: ${checked.pages} HTML pages opened in Chromium`);
    expect(requestsOut.filter((u) => u.includes('127.0.0.1') || u.includes('169.254'))).toEqual([]);
    expect(canaryHits).toEqual([]);
  });
});
