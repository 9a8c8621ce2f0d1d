import { readFileSync } from 'node:fs';
import type { ServiceContext } from '../context.ts';
import { type Principal, systemActor } from '../core/principal.ts';
import type { Database } from '../db/database.ts';
import { actionListQuery } from '../modules/actions/schemas.ts';
import * as actions from '../modules/actions/service.ts';
import * as workflow from '../modules/actions/workflow-service.ts';
import { boardBody } from '../modules/boards/schemas.ts';
import * as boards from '../modules/boards/service.ts';
import { importNotesBody } from '../modules/import/schemas.ts';
import { importNotes } from '../modules/import/service.ts';
import { meetingBody } from '../modules/meetings/schemas.ts';
import * as meetings from '../modules/meetings/service.ts';
import { commitmentBody, planBody, ratingBody } from '../modules/plans/schemas.ts';
import * as plans from '../modules/plans/service.ts';
import * as publication from '../modules/publication/service.ts';
import { createUserBody } from '../modules/users/schemas.ts';
import * as users from '../modules/users/service.ts';
import { demoCommitments } from './commitments.ts';
import { referenceNotesFile } from './reference-notes.ts';

export const DEMO_PASSWORD = 'boardroom-demo-2026';

export interface DemoSummary {
  created: boolean;
  /** Whether the March notes were published (only when given a document service to print the PDF). */
  published: boolean;
  accounts: { email: string; roles: string[] }[];
}

export interface DemoOptions {
  /** The notes to import as the March meeting; the reference notes by default. */
  notesText?: string;
  /**
   * With these, the March notes are approved at the April meeting and published (their PDF printed),
   * as the secretariat would, so the public site has notes, a PDF and public actions to show.
   */
  publishing?: publication.PublishDeps;
}

/**
 * The demo: the Accountability and Governance Board, its 24 March 2026 meeting imported from the
 * reference notes, the following meeting on 28 April 2026 (agenda published, held, its notes for the
 * secretariat to draft) at which the actions carry forward, officer updates (one proposed for
 * completion and closed), the Plan commitments with RAG ratings, one account per role and, given
 * `publishing`, the March notes approved at the April meeting and published. Everything goes
 * through the services, as a user's requests would.
 */
export async function seedDemo(db: Database, options: DemoOptions = {}): Promise<DemoSummary> {
  const notesText = options.notesText ?? readFileSync(referenceNotesFile, 'utf8');
  const accounts = [
    { email: 'admin@example.org', displayName: 'Demo Admin', roles: ['admin'] as const },
    {
      email: 'secretariat@example.org',
      displayName: 'Alethea Fuller (OPCC secretariat)',
      roles: ['secretariat'] as const,
    },
    { email: 'officer@example.org', displayName: 'Matt Welsted (WMP)', roles: ['officer'] as const },
    { email: 'member@example.org', displayName: 'Wasim Ali (board member)', roles: ['member'] as const },
  ];
  const summary = { accounts: accounts.map((a) => ({ email: a.email, roles: [...a.roles] })) };
  if (await db.selectFrom('boards').select('id').where('code', '=', 'AGB').executeTakeFirst()) {
    return { created: false, published: false, ...summary };
  }
  const system: ServiceContext = { db, actor: systemActor('demo-seed'), requestId: null };

  const board = await boards.createBoard(
    system,
    boardBody.parse({
      name: 'Accountability and Governance Board',
      code: 'AGB',
      description:
        'The public meeting at which the Police and Crime Commissioner holds the Chief Constable to account.',
      standingItems: [
        { title: 'Attendees and apologies', kind: 'attendance' },
        { title: 'Notes of last meeting', kind: 'previous_notes' },
        { title: 'PCC Update', kind: 'update' },
        { title: 'Chief Constable Update', kind: 'update' },
        { title: 'Questions from AGB members', kind: 'questions' },
        { title: 'Matters arising and action tracker', kind: 'matters_arising' },
        { title: 'Close', kind: 'close' },
      ],
    }),
  );
  const marchId = (
    await importNotes(
      system,
      board.id,
      importNotesBody.parse({ text: notesText, location: 'Lloyd House, Birmingham' }),
    )
  ).meetingId;
  if (!marchId) throw new Error('The demo notes were not imported (dry run?)');
  const april = await meetings.createMeeting(
    system,
    meetingBody.parse({
      boardId: board.id,
      date: '2026-04-28',
      startTime: '10:00',
      location: 'Lloyd House, Birmingham',
    }),
  );

  const wmp = await db
    .selectFrom('organisations')
    .select('id')
    .where('short_name', '=', 'WMP')
    .executeTakeFirstOrThrow();
  const welsted = await db
    .selectFrom('people')
    .select('id')
    .where('name', '=', 'Matt Welsted')
    .executeTakeFirst();
  const wasim = await db.selectFrom('people').select('id').where('name', '=', 'Wasim Ali').executeTakeFirst();
  const principals = new Map<string, Principal>();
  for (const account of accounts) {
    const user = await users.createUser(
      system,
      createUserBody.parse({
        email: account.email,
        displayName: account.displayName,
        password: DEMO_PASSWORD,
        roles: [...account.roles],
        organisationId: account.roles[0] === 'officer' ? wmp.id : null,
        personId:
          account.roles[0] === 'officer'
            ? (welsted?.id ?? null)
            : account.roles[0] === 'member'
              ? (wasim?.id ?? null)
              : null,
        secretariatBoardIds: account.roles[0] === 'secretariat' ? [board.id] : [],
      }),
    );
    principals.set(account.roles[0], {
      userId: user.id,
      email: user.email,
      displayName: user.displayName,
      roles: user.roles,
      organisationId: user.organisationId,
      personId: user.personId,
      secretariatBoardIds: user.secretariatBoardIds,
    });
  }
  const as = (role: string): ServiceContext => ({ db, actor: principals.get(role)!, requestId: null });

  // The March actions carry forward to April; WMP reports on them and one is closed.
  const raised = (
    await actions.listActions(
      as('secretariat'),
      actionListQuery.parse({ boardId: board.id, meetingId: marchId, sort: 'reference' }),
    )
  ).items;
  const [raneem, nonMolestation, matrix] = raised;
  if (raneem) {
    await workflow.addUpdate(as('officer'), raneem.id, {
      text: 'Raneem’s Law pilot data for Q4 is being audited by the Force Contact performance team; expected mid-May.',
      public: true,
    });
  }
  if (nonMolestation) {
    await workflow.addUpdate(as('officer'), nonMolestation.id, {
      text: 'Expected arrest figure agreed with the DA lead: 65% of reported breaches of non-molestation orders.',
      public: true,
    });
    await workflow.proposeCompletion(
      as('officer'),
      nonMolestation.id,
      'Figure provided to the OPCC on 14 April 2026.',
    );
    await workflow.closeAction(as('secretariat'), nonMolestation.id, {
      note: 'Figure received and reviewed by the OPCC.',
      closedOn: '2026-04-20',
    });
  }
  if (matrix) {
    await workflow.addUpdate(as('officer'), matrix.id, {
      text: 'Risk matrix drafted; awaiting sign-off by ACC North.',
      public: true,
    });
  }

  const plan = await plans.createPlan(
    system,
    planBody.parse({
      title: 'Police and Crime Plan 2025-2029',
      startsOn: '2025-04-01',
      endsOn: '2029-03-31',
    }),
  );
  for (const c of demoCommitments) {
    const commitment = await plans.createCommitment(
      system,
      plan.id,
      commitmentBody.parse({ ref: c.ref, chapter: c.chapter, text: c.text }),
    );
    await plans.rateCommitment(
      system,
      commitment.id,
      ratingBody.parse({ period: 'Q2 25/26', rating: c.rating, meetingId: marchId }),
    );
  }

  // The April meeting has happened: its agenda was published beforehand, and at it the board
  // approved the March notes, which the secretariat then published.
  const secretariat = as('secretariat');
  for (const meetingId of [marchId, april.id]) await publication.publishAgenda(secretariat, meetingId);
  await meetings.changeStatus(secretariat, april.id, 'held', () => undefined);
  await publication.submitNotes(secretariat, marchId);
  await publication.approveNotes(secretariat, marchId, april.id);
  if (options.publishing) await publication.publishNotes(secretariat, options.publishing, marchId);
  return { created: true, published: !!options.publishing, ...summary };
}
