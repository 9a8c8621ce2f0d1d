import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInLondon } from '../../src/time/london.ts';
import { expectProblem } from '../helpers/app.ts';
import {
  EXEMPT_ACTION_CANARY,
  EXEMPT_CANARY,
  EXEMPT_TITLE_CANARY,
  insertReferenceMeeting,
  OPCC_CANARY,
  PUBLIC_NAME_CANARY,
  type ReferenceMeeting,
  RICHARD_NORTH,
} from './fixtures.ts';
import { createDocumentsTestApp, type DocumentsTestApp, missing, pdfText } from './harness.ts';

describe('agenda and action log over HTTP', () => {
  let t: DocumentsTestApp;
  let ref: ReferenceMeeting;
  let officer: string;
  const today = todayInLondon();
  beforeAll(async () => {
    t = await createDocumentsTestApp();
    ref = await insertReferenceMeeting(t.database.db, today);
    officer = await t.user({ roles: ['officer'], organisationId: ref.wmpId });
  });
  afterAll(() => t?.close());

  it('prints the agenda with presenters and papers; exempt items by title only', async () => {
    const res = await t.request({
      method: 'GET',
      url: `/api/v1/meetings/${ref.meetingId}/agenda.pdf`,
      as: officer,
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-disposition']).toBe('inline; filename="AGB-agenda-2026-03-24.pdf"');
    const text = await pdfText(res.rawPayload);
    expect(
      missing(text, [
        'Agenda',
        'Tuesday 24 March 2026',
        '1 Attendance and apologies',
        '5 Questions from AGB members',
        `6 Domestic Abuse Presented by: ${RICHARD_NORTH}`,
        `8 Operation Nightjar staffing (${EXEMPT_TITLE_CANARY}) Exempt item: not open to the public.`,
        '9 CLOSE',
      ]),
    ).toEqual([]);
    for (const canary of [EXEMPT_CANARY, OPCC_CANARY, EXEMPT_ACTION_CANARY, PUBLIC_NAME_CANARY]) {
      expect(text).not.toContain(canary);
    }

    const next = await t.request({
      method: 'GET',
      url: `/api/v1/meetings/${ref.nextMeetingId}/agenda.pdf`,
      as: officer,
    });
    expect(
      missing(await pdfText(next.rawPayload), [
        'DRAFT',
        'Tuesday 28 April 2026 at 10:00',
        'Lloyd House, Colmore Circus, Birmingham',
        '2 Contact Management Presented by: Assistant Chief Constable, Matt Welsted',
        'Contact Management report (PDF, 412 KB)',
      ]),
    ).toEqual([]);
  });

  it('prints the action log: open actions first, the overdue one marked, then closed ones', async () => {
    const res = await t.request({
      method: 'GET',
      url: `/api/v1/boards/${ref.boardId}/action-log.pdf`,
      as: officer,
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-disposition']).toBe(`inline; filename="AGB-action-log-${today}.pdf"`);
    const text = await pdfText(res.rawPayload);
    expect(
      missing(text, [
        'Action log',
        'All actions',
        '3 open actions (1 overdue) and 1 closed action',
        'Open actions',
        "AGB/2026-03/1 WMP to provide OPCC with specific data in relation to Raneem's Law",
        'Item 6: Domestic Abuse',
        'Data is being audited; expected next month.',
        'AGB/2026-03/2',
        'AGB/2026-03/4',
        'Closed actions',
        'AGB/2026-03/3',
        'Matrix shared with the OPCC on 20 April.',
      ]),
    ).toEqual([]);
    expect(text.toLowerCase()).toContain('in progress overdue');
    expect(text.indexOf('AGB/2026-03/4')).toBeLessThan(text.indexOf('Closed actions'));
    expect(text.indexOf('AGB/2026-03/3')).toBeGreaterThan(text.indexOf('Closed actions'));
    expect(text).not.toMatch(/CANARY/);

    const filtered = await t.request({
      method: 'GET',
      url: `/api/v1/boards/${ref.boardId}/action-log.pdf?status=outstanding&ownerOrganisationId=${ref.wmpId}&from=2026-03-01&to=2026-03-31`,
      as: officer,
    });
    expect(filtered.statusCode).toBe(200);
    const filteredText = await pdfText(filtered.rawPayload);
    expect(
      missing(filteredText, ['Outstanding actions owned by WMP raised at meetings from Sunday 1 March 2026']),
    ).toEqual([]);
    expect(filteredText).not.toContain('AGB/2026-03/3');
    expect(filtered.headers.etag).not.toBe(res.headers.etag);
  });

  it('previews the action log and refuses unknown filters, boards and organisations', async () => {
    const html = await t.request({
      method: 'GET',
      url: `/api/v1/boards/${ref.boardId}/action-log.html?status=closed`,
      as: officer,
    });
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-security-policy']).toContain("default-src 'none'");
    expect(html.body).toContain('AGB/2026-03/3');
    expect(html.body).not.toContain('AGB/2026-03/1<');

    const base = `/api/v1/boards/${ref.boardId}/action-log.pdf`;
    expectProblem(await t.request({ method: 'GET', url: `${base}?status=everything`, as: officer }), 400);
    expectProblem(await t.request({ method: 'GET', url: `${base}?owner=WMP`, as: officer }), 400);
    expectProblem(
      await t.request({ method: 'GET', url: `${base}?from=2026-04-01&to=2026-03-01`, as: officer }),
      400,
    );
    expectProblem(
      await t.request({ method: 'GET', url: `${base}?ownerOrganisationId=${ref.meetingId}`, as: officer }),
      400,
    );
    expectProblem(
      await t.request({ method: 'GET', url: `/api/v1/boards/${ref.meetingId}/action-log.pdf`, as: officer }),
      404,
    );
    expectProblem(await t.request({ method: 'GET', url: base }), 401);
  });
});
