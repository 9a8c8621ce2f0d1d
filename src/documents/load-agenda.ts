/**
 * A meeting's published agenda: public items with their presenters and public papers; exempt items
 * by title only, and only where the board lists exempt titles; OPCC-only items never.
 */
import path from 'node:path';
import { isPublic, titleListed } from '../access/index.ts';
import type { Database } from '../db/database.ts';
import { boardRef, meetingWhen, publishedItemNumbers } from './load-common.ts';
import type { DocumentOptions } from './load-notes.ts';
import type { AgendaItem, AgendaPaper, AgendaViewModel } from './render/view-models.ts';
import * as repo from './repo.ts';

const FORMATS: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/msword': 'DOC',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PPTX',
  'text/csv': 'CSV',
};

export function paperFormat(contentType: string, filename: string): string {
  const known = FORMATS[contentType.split(';')[0]!.trim().toLowerCase()];
  if (known) return known;
  const extension = path.extname(filename).slice(1).toUpperCase();
  return /^[A-Z0-9]{1,6}$/.test(extension) ? extension : 'File';
}

/**
 * The schema has no separate "agenda issued" state: an agenda is final once the meeting has been
 * held on it; before that (or for a cancelled meeting) it prints as DRAFT.
 */
export function agendaApproved(status: string): boolean {
  return status !== 'scheduled' && status !== 'cancelled';
}

export async function loadAgenda(
  db: Database,
  meetingId: string,
  options: DocumentOptions,
): Promise<AgendaViewModel | null> {
  const meeting = await repo.findMeeting(db, meetingId);
  if (!meeting) return null;
  const listed = (await repo.listItems(db, [meetingId])).filter((item) =>
    titleListed(item, meeting.list_exempt_titles),
  );
  const publicIds = listed.filter(isPublic).map((item) => item.id);
  const papers = (await repo.listPapers(db, publicIds)).filter(isPublic);
  const numbers = publishedItemNumbers(listed, meeting.list_exempt_titles);
  return {
    board: boardRef(meeting.board_name, meeting.board_code),
    meeting: meetingWhen(meeting),
    approved: agendaApproved(meeting.status),
    protectiveMarking: options.protectiveMarking,
    items: listed.map((item): AgendaItem => {
      const exempt = item.confidentiality !== 'public';
      return {
        number: numbers.get(item.id)!,
        title: item.title,
        // Exempt items keep only their number and title: no presenters, no papers, even in the view model.
        presenters: exempt ? [] : item.presenters.map((p) => p.printed.trim()).filter(Boolean),
        papers: exempt
          ? []
          : papers
              .filter((paper) => paper.item_id === item.id)
              .map(
                (paper): AgendaPaper => ({
                  title: paper.title,
                  format: paperFormat(paper.content_type, paper.filename),
                  sizeBytes: paper.size_bytes,
                }),
              ),
        confidentiality: exempt ? 'exempt' : 'public',
        listTitleWhenExempt: true,
      };
    }),
  };
}
