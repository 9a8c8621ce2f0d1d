/**
 * The public side's only window on the database. Everything here is readable by anyone, so every
 * query is written to return public content only:
 * - boards, and meetings' date, time and place (the Order requires them before the meeting);
 * - an agenda once the secretariat has published it: public items only, titles, presenters and
 *   public papers, never item bodies (they become the draft notes after the meeting);
 * - notes and decisions only as frozen versions;
 * - actions only when a published version of the notes made them public, and only while they are
 *   still public, with their public updates.
 * Items are numbered 1..n over what is shown, and no count covers anything hidden.
 */
export { latestOf } from '../events.ts';
export * from './actions.ts';
export * from './agenda.ts';
export * from './boards.ts';
export * from './common.ts';
export * from './decisions.ts';
export * from './meetings.ts';
export * from './notes.ts';
