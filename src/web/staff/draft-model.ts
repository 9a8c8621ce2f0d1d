/**
 * What the drafting screen shows of one agenda item, loaded through the services (which decide
 * what the caller may see): the item's notes as draft text, its questions and answers, and the
 * actions raised under it. The same shape feeds the page and the scripts' JSON endpoint.
 */
import type { FastifyRequest } from 'fastify';
import { NotFound } from '../../core/errors.ts';
import type { QuestionSource } from '../../db/schema.ts';
import { type Action, actionListQuery } from '../../modules/actions/schemas.ts';
import * as actionsService from '../../modules/actions/service.ts';
import { requireItemOfMeeting } from '../../modules/agenda/item-access.ts';
import type { AgendaItem } from '../../modules/agenda/schemas.ts';
import { isEditable } from '../../modules/meeting-access/notes-state.ts';
import type { MeetingDetail } from '../../modules/meetings/schemas.ts';
import * as meetingsService from '../../modules/meetings/service.ts';
import * as publicationService from '../../modules/publication/service.ts';
import type { Question } from '../../modules/questions/schemas.ts';
import * as questionsService from '../../modules/questions/service.ts';
import { formatLongDate } from '../../text/date-format.ts';
import { addDays } from '../../time/london.ts';
import { requireBoardAdmin } from './access.ts';
import { answerToText, htmlToDraftText, keepsFormatting } from './draft-text.ts';
import { dueText } from './format.ts';

export interface DraftAction {
  id: string;
  reference: string;
  text: string;
  owner: string;
  dueDate: string | null;
  dueText: string;
  questionId: string | null;
}

export interface DraftQuestion {
  id: string;
  version: number;
  number: number | null;
  source: QuestionSource;
  askedByPersonId: string | null;
  askedByPrinted: string;
  text: string;
  answer: string;
  actions: DraftAction[];
}

export interface DraftItem {
  id: string;
  version: number;
  text: string;
}

export interface DraftState {
  item: DraftItem;
  questions: DraftQuestion[];
  actions: DraftAction[];
}

export interface LoadedDraft {
  meeting: MeetingDetail;
  item: AgendaItem;
  state: DraftState;
  keepsFormatting: boolean;
  suggestedDueDate: string;
  /** Why nothing can be changed (the notes are approved or published), or null while they can be. */
  locked: string | null;
}

const LOCKED: Record<string, string> = {
  approved:
    'The board has approved these notes, so they can no longer be changed here. To change them, open a correction on the meeting page.',
  published:
    'These notes are published, so they can no longer be changed here. To change them, open a correction on the meeting page.',
};

export function toDraftAction(
  a: Pick<
    Action,
    'id' | 'reference' | 'text' | 'ownerOrganisationShortName' | 'ownerPersonName' | 'dueDate' | 'questionId'
  >,
): DraftAction {
  return {
    id: a.id,
    reference: a.reference,
    text: a.text,
    owner: a.ownerPersonName
      ? `${a.ownerOrganisationShortName} (${a.ownerPersonName})`
      : a.ownerOrganisationShortName,
    dueDate: a.dueDate,
    dueText: dueText(a.dueDate),
    questionId: a.questionId,
  };
}

export function toDraftQuestion(q: Question, actions: DraftAction[]): DraftQuestion {
  return {
    id: q.id,
    version: q.version,
    number: q.number,
    source: q.source,
    askedByPersonId: q.askedByPersonId,
    askedByPrinted: q.askedByPrinted,
    text: q.text,
    answer: answerToText(q),
    actions: actions.filter((a) => a.questionId === q.id),
  };
}

/** Questions filed under this item; on the questions item also the members' questions not filed anywhere. */
export function questionsOfItem(item: Pick<AgendaItem, 'id' | 'kind'>, questions: Question[]): Question[] {
  return questions.filter(
    (q) =>
      q.itemId === item.id || (item.kind === 'questions' && q.itemId === null && q.source !== 'in_meeting'),
  );
}

/** New questions on the questions item are the numbered, submitted kind; elsewhere they arise in discussion. */
export function sourceForItem(item: Pick<AgendaItem, 'kind'>): QuestionSource {
  return item.kind === 'questions' ? 'pre_submitted' : 'in_meeting';
}

/** As the actions service would default it: the next meeting, else four weeks on. */
export function suggestedDueDate(meeting: MeetingDetail): string {
  return meeting.nextMeeting?.date ?? addDays(meeting.date, 28);
}

export async function loadDraft(
  request: FastifyRequest,
  meetingId: string,
  itemId: string | undefined,
): Promise<LoadedDraft> {
  const ctx = request.ctx();
  const meeting = await meetingsService.getMeeting(ctx, meetingId);
  // The pair first: another meeting's item is 404 whoever asks, not 403 for this meeting.
  if (itemId) await requireItemOfMeeting(ctx.db, meetingId, itemId);
  requireBoardAdmin(request, meeting.boardId);
  const item = itemId ? meeting.items.find((i) => i.id === itemId) : meeting.items[0];
  if (!item) throw new NotFound('agenda item');
  const [questions, actions, publication] = await Promise.all([
    questionsService.listQuestions(ctx, meetingId),
    actionsService.listActions(ctx, actionListQuery.parse({ meetingId, sort: 'createdAt', limit: '200' })),
    publicationService.getPublication(ctx, meetingId),
  ]);
  const mine = questionsOfItem(item, questions);
  const questionIds = new Set(mine.map((q) => q.id));
  const itemActions = actions.items
    .filter((a) => (a.questionId ? questionIds.has(a.questionId) : a.itemId === item.id))
    .map(toDraftAction);
  return {
    meeting,
    item,
    state: {
      item: { id: item.id, version: item.version, text: htmlToDraftText(item.bodyHtml) },
      questions: mine.map((q) => toDraftQuestion(q, itemActions)),
      actions: itemActions.filter((a) => a.questionId === null),
    },
    keepsFormatting: keepsFormatting(item.bodyHtml),
    suggestedDueDate: suggestedDueDate(meeting),
    locked: isEditable(publication.notesState) ? null : (LOCKED[publication.notesState] ?? LOCKED.published!),
  };
}

export function suggestedDueText(date: string): string {
  return formatLongDate(date);
}
