/** What a board member sees: meetings taking questions, their own questions, and the answers. */
import type { FastifyRequest } from 'fastify';
import * as boardsService from '../../modules/boards/service.ts';
import type { MeetingDetail } from '../../modules/meetings/schemas.ts';
import * as meetingsService from '../../modules/meetings/service.ts';
import type { Question } from '../../modules/questions/schemas.ts';
import * as questionsService from '../../modules/questions/service.ts';
import { addDays, toLondon } from '../../time/london.ts';

/** As the questions service decides it (deadline.ts): the meeting's own deadline, else the board's days before. */
export function deadlineOf(
  meeting: Pick<MeetingDetail, 'questionDeadline' | 'startsAt'>,
  days: number,
): Date {
  return meeting.questionDeadline ?? new Date(meeting.startsAt.getTime() - days * 86_400_000);
}

export interface MeetingForQuestions {
  detail: MeetingDetail;
  deadline: Date;
  open: boolean;
}

export async function meetingForQuestions(
  request: FastifyRequest,
  meetingId: string,
): Promise<MeetingForQuestions> {
  const ctx = request.ctx();
  const detail = await meetingsService.getMeeting(ctx, meetingId);
  const board = await boardsService.getBoard(ctx, detail.boardId);
  const deadline = deadlineOf(detail, board.questionDeadlineDays);
  return { detail, deadline, open: detail.status !== 'cancelled' && Date.now() < deadline.getTime() };
}

export function questionView(q: Question, meeting: MeetingForQuestions) {
  return {
    id: q.id,
    number: q.number,
    text: q.text,
    meetingText: `${meeting.detail.boardName}, ${meeting.detail.dateText}`,
    open: meeting.open,
    deadline: meeting.deadline.toISOString(),
    editHref: `/staff/questions/${q.id}/edit`,
    answered: q.answerHtml !== '',
    answerBullets: q.answerBullets ?? [],
    // Stored answers were sanitised on the way in (src/rich-text/sanitize.ts): safe to print as HTML.
    answerHtml: q.answerBullets === null ? q.answerHtml : null,
    answeredBy: q.answeredByPrinted || null,
  };
}

/** Meetings from six months back onwards: those still taking questions, and the member's questions at all of them. */
export async function memberOverview(request: FastifyRequest) {
  const ctx = request.ctx();
  const today = toLondon(new Date()).date;
  const page = await meetingsService.listMeetings(ctx, { from: addDays(today, -183), limit: 40 });
  const meetings = await Promise.all(
    page.items.filter((m) => m.status !== 'cancelled').map((m) => meetingForQuestions(request, m.id)),
  );
  const questions = (
    await Promise.all(
      meetings.map(async (m) =>
        (
          await questionsService.listQuestions(ctx, m.detail.id)
        )
          .filter((q) => q.submittedByMe)
          .map((q) => questionView(q, m)),
      ),
    )
  ).flat();
  return {
    open: meetings
      .filter((m) => m.open)
      .map((m) => ({
        id: m.detail.id,
        text: `${m.detail.boardName}, ${m.detail.dateText}`,
        deadline: m.deadline.toISOString(),
        askHref: `/staff/questions/new?meeting=${m.detail.id}`,
      })),
    waiting: questions.filter((q) => !q.answered),
    answered: questions.filter((q) => q.answered),
  };
}
