/**
 * Every output an audience can read about one sequence's board, collected over HTTP: the JSON API
 * (lists, details, search, matters arising, papers), the documents' HTML previews (and, sampled,
 * their PDFs' text), the staff pages, the public site, open data and both feeds. The endpoints come
 * from the route files (src/modules/*\/routes.ts, src/public/routes/,
 * src/web/**\/routes.ts).
 */
import { collapse, inspectPdf } from '../../render/pdf-inspect.ts';
import { type Audience, type Model, SIGNED_IN } from './model.ts';
import type { Seq, VisibilityWorld } from './world.ts';

export interface Output {
  audience: Audience;
  url: string;
  /** The body as text (ICS unfolded, PDF text extracted), whitespace collapsed. */
  text: string;
  /** Carries the latest published notes version (frozen at publication), not only live data. */
  frozen: boolean;
  /** Prints "Question N" for the meeting's questions, or lists them with `number`: checked for gaps. */
  numbered: boolean;
  /** The questions' `number` fields when the output is the JSON list of a meeting's questions. */
  numbers?: number[];
  /** Each question's `number` by id, when the output is a question or the list of a meeting's questions (JSON). */
  questionNumbers?: [string, number | null][];
  /** The notes (the public version): their "Question N" are checked against the model's numbering. */
  notes?: 'live' | 'frozen';
  /** The items of a meeting's agenda (JSON), in order: each id with its `number`. */
  agenda?: [string, number][];
}

interface Target {
  url: string;
  frozen?: boolean;
  numbered?: boolean;
  pdf?: boolean;
  staff?: boolean;
  notes?: 'live' | 'frozen';
}

function unfoldIcs(body: string): string {
  return body.replace(/\r?\n[ \t]/g, '');
}

async function latestVersion(w: VisibilityWorld, s: Seq): Promise<number | null> {
  const res = await w.request(w.admin, { method: 'GET', url: `/api/v1/meetings/${s.meetingId}/publication` });
  const versions = (res.json() as { versions?: { versionNo: number }[] }).versions ?? [];
  return versions.length ? Math.max(...versions.map((v) => v.versionNo)) : null;
}

function apiTargets(m: Model, s: Seq, withPdf: boolean, documents: boolean): Target[] {
  const mid = s.meetingId;
  return [
    { url: `/api/v1/meetings/${mid}`, numbered: false },
    { url: `/api/v1/meetings/${mid}/agenda` },
    { url: `/api/v1/meetings/${mid}/questions`, numbered: true },
    { url: `/api/v1/actions?boardId=${s.boardId}&limit=200` },
    { url: `/api/v1/actions?meetingId=${mid}&limit=200&sort=reference` },
    { url: `/api/v1/meetings/${s.laterId}/matters-arising` },
    // Results name questions "Question N: …" by the caller's numbering; 50 holds every object made.
    { url: `/api/v1/search?q=${m.searchWord}&limit=50`, frozen: true, numbered: true },
    { url: `/api/v1/decisions?boardId=${s.boardId}` },
    { url: `/api/v1/meetings/${mid}/publication`, frozen: true },
    { url: `/api/v1/meetings/${mid}/notes/versions`, frozen: true },
    ...m.items.flatMap((it) => [
      { url: `/api/v1/agenda-items/${it.id}` },
      { url: `/api/v1/agenda-items/${it.id}/papers` },
    ]),
    ...m.questions.map((q) => ({ url: `/api/v1/questions/${q.id}` })),
    ...m.actions.map((a) => ({ url: `/api/v1/actions/${a.id}` })),
    ...m.papers.map((p) => ({ url: `/api/v1/papers/${p.id}` })),
    ...m.decisions.map((d) => ({ url: `/api/v1/decisions/${d.id}` })),
    ...(documents
      ? [
          { url: `/api/v1/meetings/${mid}/notes.html`, numbered: true, notes: 'live' as const },
          { url: `/api/v1/meetings/${mid}/agenda.html` },
          { url: `/api/v1/boards/${s.boardId}/action-log.html` },
        ]
      : []),
    ...(withPdf
      ? [
          { url: `/api/v1/meetings/${mid}/notes.pdf`, numbered: true, pdf: true },
          { url: `/api/v1/meetings/${mid}/agenda.pdf`, pdf: true },
          { url: `/api/v1/boards/${s.boardId}/action-log.pdf`, pdf: true },
        ]
      : []),
  ];
}

function staffTargets(m: Model, s: Seq, withPdf: boolean): Target[] {
  const mid = s.meetingId;
  return [
    { url: '/staff/my-actions', staff: true },
    { url: '/staff/questions', staff: true },
    { url: `/staff/boards/${s.boardId}`, staff: true },
    { url: `/staff/boards/${s.boardId}/actions`, staff: true },
    { url: `/staff/meetings/${mid}`, staff: true, numbered: true },
    { url: `/staff/meetings/${mid}/draft`, staff: true, numbered: true },
    ...m.actions.map((a) => ({ url: `/staff/actions/${a.id}`, staff: true })),
    ...(withPdf
      ? [{ url: `/staff/meetings/${mid}/notes.html`, staff: true, numbered: true, notes: 'live' as const }]
      : []),
  ];
}

function publicTargets(m: Model, s: Seq, version: number | null, withPdf: boolean): Target[] {
  const mid = s.meetingId;
  const v = version
    ? [
        {
          url: `/meetings/${mid}/notes/versions/${version}`,
          frozen: true,
          numbered: true,
          notes: 'frozen' as const,
        },
        { url: `/public/v1/meetings/${mid}/notes/versions/${version}`, frozen: true },
        ...(withPdf
          ? [
              {
                url: `/public/v1/meetings/${mid}/notes/versions/${version}/pdf`,
                frozen: true,
                numbered: true,
                pdf: true,
              },
            ]
          : []),
      ]
    : [];
  return [
    { url: `/boards/${s.boardId}` },
    { url: `/boards/${s.boardId}/actions` },
    { url: `/meetings/${mid}`, frozen: true, numbered: true },
    { url: `/meetings/${mid}/notes`, frozen: true, numbered: true, notes: 'frozen' as const },
    { url: `/search?q=${m.searchWord}`, frozen: true },
    { url: `/decisions?boardId=${s.boardId}` },
    ...m.actions.map((a) => ({ url: `/actions/${a.id}` })),
    ...m.decisions.map((d) => ({ url: `/decisions/${d.id}` })),
    { url: `/public/v1/boards/${s.boardId}` },
    { url: `/public/v1/boards/${s.boardId}/meetings`, frozen: true },
    { url: `/public/v1/boards/${s.boardId}/actions?limit=500` },
    { url: `/public/v1/meetings/${mid}`, frozen: true },
    { url: `/public/v1/meetings/${mid}/agenda` },
    { url: `/public/v1/decisions?boardId=${s.boardId}` },
    { url: `/public/v1/search?q=${m.searchWord}`, frozen: true },
    ...m.items.map((it) => ({ url: `/public/v1/agenda-items/${it.id}` })),
    ...m.actions.map((a) => ({ url: `/public/v1/actions/${a.id}` })),
    ...m.papers.map((p) => ({ url: `/public/v1/papers/${p.id}` })),
    ...m.decisions.map((d) => ({ url: `/public/v1/decisions/${d.id}` })),
    { url: '/feeds/publications.atom', frozen: true },
    { url: '/feeds/meetings.ics', frozen: true },
    ...v,
  ];
}

/** Time spent per endpoint (VISIBILITY_PROFILE=1), to keep the run within its budget. */
export const timings = new Map<string, number>();

/** Every output of the sequence, for every audience. PDFs only when `withPdf` (they are slow). */
export async function collectOutputs(
  w: VisibilityWorld,
  m: Model,
  s: Seq,
  withPdf: boolean,
): Promise<Output[]> {
  const out: Output[] = [];
  const version = await latestVersion(w, s);
  const add = async (audience: Audience, t: Target, fetch: () => ReturnType<VisibilityWorld['request']>) => {
    const t0 = performance.now();
    const res = await fetch();
    if (process.env.VISIBILITY_PROFILE) {
      const key = t.url.replace(/[0-9a-f-]{36}/g, ':id').replace(/zqw\d+/, 'W');
      timings.set(key, (timings.get(key) ?? 0) + performance.now() - t0);
    }
    if (res.statusCode >= 500)
      throw new Error(`${audience} GET ${t.url} → ${res.statusCode} ${res.body.slice(0, 300)}`);
    if (res.statusCode === 429)
      throw new Error(`${audience} GET ${t.url} → 429 (rate limited: enlarge the user pool)`);
    if (res.statusCode !== 200) return;
    let text: string;
    if (t.pdf) text = (await inspectPdf(res.rawPayload)).text;
    else text = collapse(t.url.endsWith('.ics') ? unfoldIcs(res.body) : res.body);
    const o: Output = { audience, url: t.url, text, frozen: !!t.frozen, numbered: !!t.numbered };
    if (t.notes) o.notes = t.notes;
    if (t.url.endsWith('/questions') && t.url.startsWith('/api/')) {
      const items = (res.json() as { items?: { id: string; number: number | null }[] }).items ?? [];
      o.numbers = items.map((q) => q.number).filter((n): n is number => n !== null);
      o.questionNumbers = items.map((q) => [q.id, q.number]);
    }
    if (t.url.endsWith('/agenda')) {
      const items = (res.json() as { items?: { id: string; number: number }[] }).items ?? [];
      o.agenda = items.map((it) => [it.id, it.number]);
    }
    if (t.url.startsWith('/api/v1/questions/')) {
      const q = res.json() as { id: string; number: number | null };
      o.questionNumbers = [[q.id, q.number]];
    }
    out.push(o);
  };
  // The admin reads as the board's secretariat does (everything): read as admin in sampled sequences only.
  const audiences = SIGNED_IN.filter((a) => a !== 'admin' || withPdf);
  // The documents' previews (tens of ms each) for every audience in sampled sequences, else for one
  // restricted audience in turn.
  const restricted = ['member', 'otherSecretariat', 'officerOwn', 'officerOther'] as const;
  const documentsFor = (a: Audience) => withPdf || a === restricted[s.seq % restricted.length];
  // Audiences in parallel (PostgreSQL answers several at once); each audience's reads in turn.
  await Promise.all([
    ...audiences.map(async (audience) => {
      const user = w.userFor(audience);
      for (const t of apiTargets(m, s, withPdf, documentsFor(audience)))
        await add(audience, t, () => w.request(user, { method: 'GET', url: t.url }));
      for (const t of staffTargets(m, s, withPdf)) await add(audience, t, () => w.staffGet(audience, t.url));
    }),
    (async () => {
      for (const t of publicTargets(m, s, version, withPdf))
        await add('anonymous', t, () => w.request(null, { method: 'GET', url: t.url }));
    })(),
  ]);
  return out;
}
