import { Conflict } from '../../core/errors.ts';
import type { MeetingWithBoard } from './meeting-repo.ts';

/**
 * When members stop being able to submit or change questions: the meeting's own deadline, or
 * else the board's "question deadline days" before the start (whole 24-hour days).
 */
export function questionDeadline(meeting: MeetingWithBoard): Date {
  return (
    meeting.question_deadline ??
    new Date(meeting.starts_at.getTime() - meeting.question_deadline_days * 86_400_000)
  );
}

/**
 * A closed window is a state of the meeting, not a lack of rights, so it answers 409 Conflict
 * (the same request was allowed before the deadline); a member acting on someone else's question
 * gets 403 instead.
 */
export function assertMemberQuestionsOpen(meeting: MeetingWithBoard, now: Date = new Date()): void {
  if (meeting.status === 'cancelled') throw new Conflict('This meeting has been cancelled.');
  const deadline = questionDeadline(meeting);
  if (now.getTime() >= deadline.getTime()) {
    throw new Conflict(`The deadline for questions to this meeting passed at ${deadline.toISOString()}.`);
  }
}
