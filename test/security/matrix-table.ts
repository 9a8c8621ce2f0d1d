import { readFileSync, writeFileSync } from 'node:fs';
import { sql } from 'kysely';
import type { Database } from '../../src/db/database.ts';
import type { MatrixRole } from '../helpers/domain-fixtures.ts';
import type { ObjectKind } from './matrix-world.ts';

export const columns: { role: MatrixRole; title: string }[] = [
  { role: 'admin', title: 'admin' },
  { role: 'secretariat', title: 'secretariat (AGB)' },
  { role: 'otherSecretariat', title: 'secretariat (OTH)' },
  { role: 'officerOwn', title: 'officer (WMP)' },
  { role: 'officerOther', title: 'officer (OPCC)' },
  { role: 'member', title: 'member' },
  { role: 'anonymous', title: 'anonymous' },
];

/** One row of a matrix document: a route (or a named variant of one), an object kind, one cell per caller. */
export interface MatrixRow<Cell = number, Kind extends string = ObjectKind> {
  route: string;
  object: Kind;
  expect: Record<MatrixRole, Cell>;
}

/** A generated table of expected cells kept in docs/, with the text it must render to exactly. */
export interface MatrixDocument<Cell, Kind extends string> {
  file: URL;
  render(rows: MatrixRow<Cell, Kind>[]): string;
  parse(text: string): MatrixRow<Cell, Kind>[];
  /** The rows in the file; none when there is no file yet (before the first recording). */
  read(): MatrixRow<Cell, Kind>[];
  write(rows: MatrixRow<Cell, Kind>[]): void;
}

/** `cell` reads one cell's text, or answers undefined when it is not a cell of this table. */
export function matrixDocument<Cell, Kind extends string>(
  file: URL,
  header: string,
  cell: (text: string) => Cell | undefined,
): MatrixDocument<Cell, Kind> {
  const render = (rows: MatrixRow<Cell, Kind>[]) => {
    const head = `| route | object | ${columns.map((c) => c.title).join(' | ')} |`;
    const rule = `|---|---|${columns.map(() => '---:').join('|')}|`;
    const body = rows.map(
      (r) =>
        `| \`${r.route}\` | ${r.object === '-' ? '–' : r.object} | ${columns.map((c) => r.expect[c.role]).join(' | ')} |`,
    );
    const cells = (rows.length * columns.length).toLocaleString('en-GB');
    return `${header}\n${rows.length} rows × ${columns.length} callers = ${cells} cells.\n\n${[head, rule, ...body].join('\n')}\n`;
  };
  const parse = (text: string) => {
    const rows: MatrixRow<Cell, Kind>[] = [];
    for (const line of text.split('\n')) {
      const m = /^\| `([A-Z]+ [^`]+)` \| ([^|]+) \|(.*)\|$/.exec(line);
      if (!m) continue;
      const cells = m[3]!.split('|').map((s) => cell(s.trim()));
      if (cells.length !== columns.length || cells.some((c) => c === undefined)) {
        throw new Error(`bad matrix row: ${line}`);
      }
      const object = (m[2]!.trim() === '–' ? '-' : m[2]!.trim()) as Kind;
      rows.push({
        route: m[1]!,
        object,
        expect: Object.fromEntries(columns.map((c, i) => [c.role, cells[i]])) as Record<MatrixRole, Cell>,
      });
    }
    return rows;
  };
  return {
    file,
    render,
    parse,
    read() {
      try {
        return parse(readFileSync(file, 'utf8'));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw err;
      }
    },
    write(rows) {
      writeFileSync(file, render(rows));
    },
  };
}

const HEADER = `# Authorisation matrix

Generated from the route table and checked by \`test/security/authorisation-matrix.test.ts\`: every
\`/api/v1\` route × object × role below is one request on fresh objects, and the test fails if a
status differs, if a refused write changes any row of any table, or if a route is missing here (a
new route must be classified before it can ship). To re-record after a deliberate change:
\`MATRIX_RECORD=1 npx vitest run test/security/authorisation-matrix.test.ts\`, then review the diff.

Callers: an admin; the secretariat of the Accountability and Governance Board (AGB); the
secretariat of another board (OTH); an officer of West Midlands Police (WMP, which owns AGB's
actions); an officer of another organisation (the OPCC); a board member; nobody (no token).

Objects: **own** — on AGB, public, owned by WMP where there is an owner; **other** — on OTH, owned by
the OPCC; **exempt** — on AGB under an exempt item; **opcc-only** — on AGB, marked OPCC-only;
**–** — not tied to a board (plans, people, users, lists). 404 where existence itself is hidden,
403 where the caller may see the object but not change it, 401 without a token.

Who sees what is decided in one place, \`src/access/\`, and confidentiality is effective: an object is
as confidential as the most confidential of itself and its containers (item → questions → actions →
updates; item → papers), held by the database (migration 0011) whenever an item is restricted or a
question moves. So an **exempt** action (one under an exempt item, however it got there) is 404 for
members and other boards' secretariats, as its item is; an **opcc-only** one is 404 for officers too.
An exempt item's title alone is public where its board lists exempt titles (the agenda lists it, the
API returns it with \`withheld: true\`); its content is not, so \`GET /api/v1/agenda-items/:id\` stays 404.

Directory records (organisations, people) are shared by every board. The matrix's \`PATCH
/api/v1/organisations/:id\` and \`/people/:id\` rows use records no board uses yet, which any
secretariat may change. A record that boards USE — a person in a meeting's attendance or
declarations, asking or answering a question, owning an action or presenting an item; an
organisation owning an action (\`boardsUsing\` in src/modules/people/repo.ts) — may be changed only by
an admin or by a secretariat user who administers every one of those boards; anyone else gets 403
naming the boards (src/access/directory.ts). The change is listed in the audit view
of every board that uses the record (\`audit_log.board_ids\`). Published versions keep the name as
published (frozen JSON and PDF); the live public pages (the action tracker, an action's page, open
data) print the record's current name.
`;

/** docs/authorisation-matrix.md: the expected status of every (route, object, role) cell of /api/v1. */
const apiMatrix = matrixDocument<number, ObjectKind>(
  new URL('../../docs/authorisation-matrix.md', import.meta.url),
  HEADER,
  (text) => (text !== '' && Number.isInteger(Number(text)) ? Number(text) : undefined),
);
export const MATRIX_FILE = apiMatrix.file;
export const renderMatrix = apiMatrix.render;
export const parseMatrix = apiMatrix.parse;
export const readMatrix = apiMatrix.read;
export const writeMatrix = apiMatrix.write;

/**
 * One hash per table of the application schema over every row version's (ctid, xmin): an INSERT,
 * DELETE or UPDATE — even one that rewrites a row unchanged — changes it, and no row's content
 * (PDFs included) has to be read.
 */
export async function databaseFingerprint(db: Database): Promise<Record<string, string>> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const parts = tables.rows.map(
    ({ table_name: t }) =>
      `select '${t}' as t, count(*)::text || ':' || coalesce(md5(string_agg(ctid::text || xmin::text, ',' order by ctid)), '') as h from "${t}"`,
  );
  const res = await sql<{ t: string; h: string }>`${sql.raw(parts.join(' union all '))}`.execute(db);
  return Object.fromEntries(res.rows.map((r) => [r.t, r.h]));
}
