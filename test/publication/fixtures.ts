/**
 * A published meeting built through the API as the secretariat would: the reference meeting of
 * 24 March 2026, plus restricted material in every place it can hide, each string carrying its own
 * canary. Then the notes go draft → submitted → approved (at 28 April) → published.
 */
import { expect } from 'vitest';
import {
  addItem,
  buildAgbMeeting,
  createMeeting,
  MINIMAL_PDF,
  multipart,
} from '../domain/meetings-fixtures.ts';
import type { TestApp, TestUser } from '../helpers/app.ts';

const tag = Math.random().toString(36).slice(2, 8);

/** One canary per restricted field; each must never appear in any public output. */
export const CANARIES = {
  exemptItemTitle: `CnryExemptTitle${tag}`,
  exemptItemBody: `CnryExemptBody${tag}`,
  exemptReason: `CnryExemptReason${tag}`,
  exemptPresenter: `CnryExemptPresenter${tag}`,
  opccItemTitle: `CnryOpccTitle${tag}`,
  opccItemBody: `CnryOpccBody${tag}`,
  exemptPaperTitle: `CnryExemptPaperTitle${tag}`,
  exemptPaperFilename: `CnryExemptPaperFile${tag}`,
  opccPaperTitle: `CnryOpccPaperTitle${tag}`,
  opccPaperFilename: `CnryOpccPaperFile${tag}`,
  paperOnExemptItemTitle: `CnryPaperOnExemptItem${tag}`,
  publicAskerName: `CnryAskerName${tag}`,
  questionOnExemptItem: `CnryQuestionOnExempt${tag}`,
  exemptAction: `CnryExemptAction${tag}`,
  actionOnExemptItem: `CnryActionOnExemptItem${tag}`,
  opccAction: `CnryOpccAction${tag}`,
  restrictedUpdate: `CnryRestrictedUpdate${tag}`,
  draftNotesBody: `CnryDraftNotes${tag}`,
  correctionDraft: `CnryCorrectionDraft${tag}`,
  draftDecision: `CnryDraftDecision${tag}`,
} as const;

export const ALL_CANARIES = Object.values(CANARIES);
/** The stem all canaries share (for a search that would match any of them). */
export const CANARY_STEM = 'Cnry';

/** Visible content: these must appear publicly (so the test knows it is looking at the right pages). */
export const VISIBLE = {
  publicPaperTitle: 'Force performance report',
  consentingAsker: 'Jane Consenting',
  publicAction: 'Share the domestic abuse dashboard with the Board',
  publicUpdate: 'The dashboard was shared on 2 April',
};

export async function post(t: TestApp, as: TestUser, url: string, payload?: unknown) {
  const res = await t.request({
    method: 'POST',
    url,
    as,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
  return res;
}

export async function ok<T = Record<string, unknown>>(
  res: { statusCode: number; body: string; json(): unknown },
  status = 200,
): Promise<T> {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
}

/**
 * A meeting's agenda published, the meeting held and its notes approved at `approvedAtId` and
 * published: version 1 of the notes, which makes its public actions public.
 */
export async function publishNotes(t: TestApp, as: TestUser, meetingId: string, approvedAtId: string) {
  await ok(await post(t, as, `/api/v1/meetings/${meetingId}/agenda/publish`));
  await ok(await post(t, as, `/api/v1/meetings/${meetingId}/status`, { status: 'held' }));
  await ok(await post(t, as, `/api/v1/meetings/${meetingId}/notes/submit`));
  await ok(await post(t, as, `/api/v1/meetings/${meetingId}/notes/approve`, { atMeetingId: approvedAtId }));
  await ok(await post(t, as, `/api/v1/meetings/${meetingId}/notes/publish`));
}

async function uploadPaper(
  t: TestApp,
  as: TestUser,
  itemId: string,
  title: string,
  filename: string,
  confidentiality: string,
) {
  const form = multipart([
    { name: 'title', data: title },
    { name: 'confidentiality', data: confidentiality },
    { name: 'file', filename, contentType: 'application/pdf', data: MINIMAL_PDF },
  ]);
  const res = await t.request({
    method: 'POST',
    url: `/api/v1/agenda-items/${itemId}/papers`,
    as,
    payload: form.payload,
    headers: form.headers,
  });
  return ok<{ id: string }>(res, 201);
}

export interface PublishedMeeting {
  boardId: string;
  meetingId: string;
  laterMeetingId: string;
  upcomingMeetingId: string;
  publicPaperId: string;
  hiddenPaperIds: string[];
  publicActionId: string;
  hiddenActionIds: string[];
  exemptItemId: string;
  draftDecisionId: string;
  publishedDecisionId: string;
  wmpId: string;
}

/** Everything up to and including the first published version. */
export async function buildPublishedMeeting(t: TestApp, admin: TestUser): Promise<PublishedMeeting> {
  const { board, meeting, wmp, people } = await buildAgbMeeting(t, admin);
  const C = CANARIES;
  const byTitle = Object.fromEntries(meeting.items.map((i) => [i.title, i]));
  const questionsItem = byTitle['Questions from AGB members']!;

  const exempt = await addItem(t, admin, meeting.id, {
    title: `Operation update ${C.exemptItemTitle}`,
    kind: 'report',
    confidentiality: 'exempt',
    exemptReason: `Paragraph 7 ${C.exemptReason}`,
    presenters: [{ personId: null, printed: `Detective ${C.exemptPresenter}` }],
    bodyHtml: `<p>Covert tactics ${C.exemptItemBody}</p>`,
  });
  const opcc = await addItem(t, admin, meeting.id, {
    title: `Staffing ${C.opccItemTitle}`,
    kind: 'other',
    confidentiality: 'opcc_only',
    bodyHtml: `<p>Internal ${C.opccItemBody}</p>`,
  });
  const report = byTitle['Chief Constable Update']!;
  const publicPaper = await uploadPaper(
    t,
    admin,
    report.id,
    VISIBLE.publicPaperTitle,
    'performance.pdf',
    'public',
  );
  const hiddenPapers = [
    await uploadPaper(t, admin, report.id, C.exemptPaperTitle, `${C.exemptPaperFilename}.pdf`, 'exempt'),
    await uploadPaper(t, admin, report.id, C.opccPaperTitle, `${C.opccPaperFilename}.pdf`, 'opcc_only'),
    await uploadPaper(t, admin, exempt.id, C.paperOnExemptItemTitle, 'annex.pdf', 'public'),
  ];

  await ok(
    await post(t, admin, `/api/v1/meetings/${meeting.id}/questions`, {
      source: 'public',
      itemId: questionsItem.id,
      text: 'What is being done about speeding on Hagley Road?',
      publicAskerName: C.publicAskerName,
      publicNameConsent: false,
      answerHtml: '<p>Average speed cameras will be installed.</p>',
    }),
    201,
  );
  await ok(
    await post(t, admin, `/api/v1/meetings/${meeting.id}/questions`, {
      source: 'public',
      itemId: questionsItem.id,
      text: 'How many PCSOs are there in Dudley?',
      publicAskerName: VISIBLE.consentingAsker,
      publicNameConsent: true,
    }),
    201,
  );
  await ok(
    await post(t, admin, `/api/v1/meetings/${meeting.id}/questions`, {
      source: 'in_meeting',
      itemId: exempt.id,
      text: `About the operation ${C.questionOnExemptItem}`,
    }),
    201,
  );

  const action = async (payload: Record<string, unknown>) =>
    ok<{ id: string }>(
      await post(t, admin, `/api/v1/meetings/${meeting.id}/actions`, {
        ownerOrganisationId: wmp.id,
        ...payload,
      }),
      201,
    );
  const da = meeting.items.find((i) => i.title === 'Chief Constable Update')!;
  const publicAction = await action({ itemId: da.id, text: VISIBLE.publicAction, dueDate: '2026-04-20' });
  const hiddenActions = [
    await action({ itemId: da.id, text: `Brief members ${C.exemptAction}`, confidentiality: 'exempt' }),
    await action({ itemId: exempt.id, text: `Review tactics ${C.actionOnExemptItem}` }),
    await action({ itemId: da.id, text: `Internal ${C.opccAction}`, confidentiality: 'opcc_only' }),
  ];
  await ok(
    await post(t, admin, `/api/v1/actions/${publicAction.id}/updates`, {
      text: VISIBLE.publicUpdate,
      public: true,
    }),
    201,
  );
  await ok(
    await post(t, admin, `/api/v1/actions/${publicAction.id}/updates`, {
      text: `Officer note ${C.restrictedUpdate}`,
      public: false,
    }),
    201,
  );
  void people;

  // The meeting that approves the notes, and one still to come (whose notes are a draft).
  const later = await createMeeting(t, admin, board.id, { date: '2026-04-28', startTime: '10:00' });
  const upcoming = await createMeeting(t, admin, board.id, {
    date: '2027-01-26',
    startTime: '14:00',
    location: 'Lloyd House, Birmingham',
  });
  const laterPcc = later.items.find((i) => i.kind === 'update')!;
  const edit = await t.request({
    method: 'PATCH',
    url: `/api/v1/agenda-items/${laterPcc.id}`,
    as: admin,
    headers: { 'if-match': `W/"${laterPcc.id}:${laterPcc.version}"` },
    payload: { bodyHtml: `<p>Draft notes ${C.draftNotesBody}</p>` },
  });
  await ok(edit);
  await ok(await post(t, admin, `/api/v1/meetings/${later.id}/agenda/publish`));
  await ok(await post(t, admin, `/api/v1/meetings/${upcoming.id}/agenda/publish`));

  // Decisions: one published, one left as a draft.
  const published = await ok<{ id: string }>(
    await post(t, admin, '/api/v1/decisions', {
      boardId: board.id,
      title: 'Approval of the Violence Reduction Partnership funding',
      decisionDate: '2026-03-24',
      decisionMaker: 'Police and Crime Commissioner, Simon Foster',
      summary: 'The Commissioner approved the allocation of £5 million.\n\nThe funding runs to March 2027.',
      meetingId: meeting.id,
      itemId: byTitle['PCC Update']!.id,
    }),
    201,
  );
  await ok(await post(t, admin, `/api/v1/decisions/${published.id}/publish`));
  const draft = await ok<{ id: string }>(
    await post(t, admin, '/api/v1/decisions', {
      boardId: board.id,
      title: `Estates ${C.draftDecision}`,
      decisionDate: '2026-04-01',
      decisionMaker: 'Police and Crime Commissioner',
      summary: `Not yet public ${C.draftDecision}`,
      meetingId: meeting.id,
    }),
    201,
  );

  await publishNotes(t, admin, meeting.id, later.id);
  void opcc;

  return {
    boardId: board.id,
    meetingId: meeting.id,
    laterMeetingId: later.id,
    upcomingMeetingId: upcoming.id,
    publicPaperId: publicPaper.id,
    hiddenPaperIds: hiddenPapers.map((p) => p.id),
    publicActionId: publicAction.id,
    hiddenActionIds: hiddenActions.map((a) => a.id),
    exemptItemId: exempt.id,
    draftDecisionId: draft.id,
    publishedDecisionId: published.id,
    wmpId: wmp.id,
  };
}
