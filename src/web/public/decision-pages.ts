/** Why this file exists: view models of the public decisions register and of one decision's page. */
import { NotFound } from '../../core/errors.ts';
import type { Database } from '../../db/database.ts';
import { summaryParagraphs } from '../../documents/index.ts';
import { versionVerification } from '../../modules/publication/chain.ts';
import { sliceOf } from '../../public/paging.ts';
import { api, paths } from '../../public/paths.ts';
import * as read from '../../public/read/index.ts';
import { formatFileSize } from '../../text/text-format.ts';
import { dateText, instantText, PER_PAGE } from './page-format.ts';
import { emptyText, pager } from './pager.ts';

export async function decisionsPage(db: Database, boardId: string | undefined, page: number) {
  const at = { page, limit: PER_PAGE.decisions };
  const [boards, found] = await Promise.all([
    read.listBoards(db),
    read.pageDecisions(db, { boardId, ...sliceOf(at) }),
  ]);
  const decisionsPager = pager({
    noun: 'decisions',
    path: paths.decisions(),
    query: { board: boardId },
    at,
    total: found.total,
    fragment: 'decisions',
  });
  return {
    boards: boards.map((b) => ({ id: b.id, name: b.name, selected: b.id === boardId })),
    pager: decisionsPager,
    emptyText: emptyText(decisionsPager, 'No decisions have been published yet.'),
    decisions: found.items.map((d) => ({
      href: paths.decision(d.id),
      reference: d.decision.reference,
      title: d.decision.title,
      corrected: d.version > 1,
      dateText: dateText(d.decision.decisionDate),
      decisionMaker: d.decision.decisionMaker,
    })),
  };
}

export async function decisionPage(db: Database, id: string, versionNo: number | null) {
  const versions = await read.decisionVersions(db, id);
  const latest = versions.at(-1);
  const wanted = versionNo ?? latest?.versionNo;
  const meta = versions.find((v) => v.versionNo === wanted);
  if (!latest || !meta) throw new NotFound('decision');
  const { snapshot } = (await read.decisionSnapshot(db, id, meta.versionNo))!;
  const d = snapshot.decision;
  const previous = versions.find((v) => v.versionNo === meta.versionNo - 1);
  return {
    d,
    versionNo: meta.versionNo,
    latestNo: latest.versionNo,
    superseded: meta.superseded,
    currentHref: paths.decision(id),
    dateText: dateText(d.decisionDate),
    meetingHref: d.meeting ? paths.meeting(d.meeting.id) : null,
    meetingDateText: d.meeting ? dateText(d.meeting.date) : null,
    itemTitle: d.item?.title ?? null,
    publishedText: instantText(meta.publishedAt),
    reason: snapshot.reason,
    previousChangesHref: previous ? paths.decisionChanges(id, previous.versionNo, meta.versionNo) : null,
    paragraphs: summaryParagraphs(d.summary),
    pdfHref: api.decisionPdf(id, meta.versionNo),
    pdfTitle: `Decision ${d.reference} (version ${meta.versionNo})`,
    pdfSize: formatFileSize(meta.pdfSize),
    versions: versions.map((v, index) => {
      const before = versions[index - 1];
      return {
        versionNo: v.versionNo,
        superseded: v.superseded,
        publishedText: instantText(v.publishedAt),
        reasonText: v.reason ?? 'First published',
        htmlHref: paths.decisionVersion(id, v.versionNo),
        pdfHref: api.decisionPdf(id, v.versionNo),
        changesHref: before ? paths.decisionChanges(id, before.versionNo, v.versionNo) : null,
      };
    }),
    jsonHref: api.decisionVersion(id, meta.versionNo),
    jsonSha256: meta.jsonSha256,
    verify: await versionVerification(db, 'decision', id, meta.versionNo, {
      pdf: api.decisionPdf(id, meta.versionNo),
      chain: `${api.board(d.boardId)}/chain`,
      feed: paths.atom(),
    }),
  };
}
