import { titleListed, visibleConfidentialities } from '../../access/index.ts';
import type { Actor } from '../../core/principal.ts';
import type { Database } from '../../db/database.ts';
import type { Confidentiality } from '../../db/schema.ts';
import * as papersRepo from './papers-repo.ts';
import * as repo from './repo.ts';
import type { AgendaItem, Paper } from './schemas.ts';

export function toPaper(row: papersRepo.PaperRow): Paper {
  return {
    id: row.id,
    itemId: row.item_id,
    title: row.title,
    confidentiality: row.confidentiality,
    filename: row.filename,
    contentType: row.content_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    createdAt: row.created_at,
  };
}

/** An item whose title alone is public (exempt, listed by title): nothing else of it leaves the server. */
function titleOnly(row: repo.ItemRow, number: number): AgendaItem {
  return {
    ...toItem(row, number, []),
    presenters: [],
    bodyHtml: '',
    bodyText: '',
    exemptReason: null,
    withheld: true,
  };
}

function toItem(row: repo.ItemRow, number: number, papers: Paper[]): AgendaItem {
  return {
    withheld: false,
    id: row.id,
    meetingId: row.meeting_id,
    number,
    title: row.title,
    kind: row.kind,
    presenters: row.presenters.map((p) => ({ personId: p.personId ?? null, printed: p.printed })),
    bodyHtml: row.body_html,
    bodyText: row.body_text,
    confidentiality: row.confidentiality,
    exemptReason: row.exempt_reason,
    version: row.version,
    papers,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * The agenda as this caller may see it: the items they may read, and, by title only, the exempt
 * items the board lists by title (those titles are public: the published agenda prints them, so the
 * API shows them too, as `withheld`). Everything else is left out entirely and the rest numbered
 * 1..n, so neither a gap in the numbering nor a position reveals that something was withheld.
 */
export async function visibleAgenda(
  db: Database,
  actor: Actor,
  meeting: { id: string; boardId: string },
): Promise<AgendaItem[]> {
  const allowed: Confidentiality[] = visibleConfidentialities(actor, meeting.boardId);
  const all = await repo.listItems(db, meeting.id);
  const readable = (r: repo.ItemRow) => allowed.includes(r.confidentiality);
  const rows = all.filter((r) => readable(r) || titleListed(r, r.list_exempt_titles));
  const papers = (
    await papersRepo.listPapersOfItems(
      db,
      rows.filter(readable).map((r) => r.id),
    )
  ).filter((p) => allowed.includes(p.confidentiality));
  return rows.map((row, index) =>
    readable(row)
      ? toItem(row, index + 1, papers.filter((p) => p.item_id === row.id).map(toPaper))
      : titleOnly(row, index + 1),
  );
}
