import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserPool, createBrowserPool } from '../../src/documents/render/browser-pool.ts';
import {
  createDocumentRenderer,
  type RenderedDocument,
} from '../../src/documents/render/document-renderer.ts';
import { createTemplateEngine } from '../../src/documents/render/templates.ts';
import { formatPerson } from '../../src/text/text-format.ts';
import { testChromiumPath } from './chromium-for-tests.ts';
import { APOLOGIES, ATTENDEES, EXEMPT_CANARY, RICHARD_NORTH, referenceNotes } from './fixtures.ts';
import { type InspectedPdf, inspectPdf, missingPhrases } from './pdf-inspect.ts';
import {
  DOMESTIC_ABUSE_DISCUSSION,
  MEMBER_QUESTIONS,
  VAWG_CSE_DISCUSSION,
} from './reference-meeting-text.ts';

const TITLE = 'Accountability and Governance Board: Notes of the Meeting, Tuesday 24 March 2026';

let pool: BrowserPool;
let rendered: RenderedDocument;
let pdf: InspectedPdf;

beforeAll(async () => {
  pool = await createBrowserPool({ executablePath: testChromiumPath(), poolSize: 2 });
  const renderer = createDocumentRenderer({ pool, engine: createTemplateEngine() });
  rendered = await renderer.renderNotes(referenceNotes());
  pdf = await inspectPdf(rendered.pdf);
});

afterAll(async () => {
  await pool?.close();
});

describe('the reference notes (AGB, 24 March 2026) as a PDF', () => {
  it('opens with the board, the title, the date and the summary line', () => {
    // Chromium writes the page-margin boxes (running header and footer) first, then the body.
    const chrome =
      /^Accountability and Governance Board OFFICIAL Notes of the Meeting, Tuesday 24 March 2026 Page 1 of \d+ ?OFFICIAL /;
    const first = pdf.pageTexts[0] ?? '';
    expect(first).toMatch(chrome);
    expect(first.replace(chrome, '')).toMatch(
      /^Accountability and Governance Board Notes of the Meeting Tuesday 24 March 2026 /,
    );
    expect(first).toContain('These minutes provide a summary of key points raised during this meeting.');
  });

  it('lists every attendee and apology with role and organisation', () => {
    expect(ATTENDEES).toHaveLength(12);
    expect(APOLOGIES).toHaveLength(3);
    const people = [...ATTENDEES, ...APOLOGIES].map(formatPerson);
    expect(people).toContain('Richard North (Temporary Assistant Chief Constable)');
    expect(people).toContain("Mike O'Hara (Assistant Chief Constable, WMP)");
    expect(missingPhrases(pdf, ['Attendees', 'Apologies', ...people])).toEqual([]);
  });

  it('prints the update points as upper-roman numbered paragraphs', () => {
    expect(
      missingPhrases(pdf, [
        'I. The PCC has written to the Acting Chief Constable',
        'V. The OPCC are hosting a Victim Summit on 26th March 2026',
        'IV. Operation Applegreen has been launched',
      ]),
    ).toEqual([]);
  });

  it('prints every numbered question with its asker, and its answer points', () => {
    const questions = MEMBER_QUESTIONS.map(
      (question) =>
        `Question ${question.number}: ${question.text} (Asked by Deputy Police and Crime Commissioner, Wasim Ali)`,
    );
    const spotChecks = [
      MEMBER_QUESTIONS[0]?.answerBullets[3],
      MEMBER_QUESTIONS[1]?.answerBullets[4],
      MEMBER_QUESTIONS[2]?.answerBullets[4],
      DOMESTIC_ABUSE_DISCUSSION[9]?.answerBullets[1],
      VAWG_CSE_DISCUSSION[11]?.answerBullets[4],
      VAWG_CSE_DISCUSSION.at(-1)?.answerBullets.at(-1),
    ].map((bullet) => bullet ?? 'fixture changed: bullet missing');
    const nested = '1. If the offence is for DA and is likely to cause injury to a victim in a DA situation.';
    expect(missingPhrases(pdf, [...questions, ...spotChecks, nested])).toEqual([]);
  });

  it('prints the in-meeting questions of items 6 and 7 and who presented them', () => {
    const questions = [...DOMESTIC_ABUSE_DISCUSSION, ...VAWG_CSE_DISCUSSION].map((question) => question.text);
    expect(questions).toHaveLength(54);
    const presented = [
      `6 Domestic Abuse Presented by: ${RICHARD_NORTH}`,
      `7 Violence Against Women and Girls (VAWG) and Child Sexual Exploitation (CSE) Presented by: ${RICHARD_NORTH}`,
    ];
    expect(missingPhrases(pdf, [...presented, ...questions])).toEqual([]);
  });

  it('sets out the four actions with their references', () => {
    expect(
      missingPhrases(pdf, [
        "ACTION AGB/2026-03/1 WMP to provide OPCC with specific data in relation to Raneem's Law once finalised and audited. Owner: WMP",
        'ACTION AGB/2026-03/2 WMP to provide the OPCC with an expected figure of non-molestation orders resulting in arrest.',
        'ACTION AGB/2026-03/3 WMP to provide OPCC with the Matrix to understand risk around these incidents.',
        'ACTION AGB/2026-03/4 WMP to provide OPCC with accurate data RE current arrest and conviction rates for perpetrator spiking and upskirting.',
      ]),
    ).toEqual([]);
  });

  it('closes with the next meeting', () => {
    expect(pdf.pageTexts.at(-1)).toContain('8 CLOSE Next meeting: Tuesday 28 April 2026');
  });

  it('never contains the exempt item', () => {
    expect(pdf.text.includes(EXEMPT_CANARY)).toBe(false);
    expect(pdf.text.includes('Operation Nightjar')).toBe(false);
    expect(rendered.html.includes(EXEMPT_CANARY)).toBe(false);
  });

  it('runs over several pages, each with the running header and "Page X of Y" footer', () => {
    expect(pdf.pageCount).toBeGreaterThan(1);
    pdf.pageTexts.forEach((text, index) => {
      expect(text).toContain(`Page ${index + 1} of ${pdf.pageCount}`);
      expect(text).toContain('OFFICIAL');
      expect(text).toContain('Notes of the Meeting, Tuesday 24 March 2026');
    });
    expect(pdf.text.includes('DRAFT')).toBe(false);
  });

  it('is a tagged PDF with one bookmark per item under the title', () => {
    expect(pdf.marked).toBe(true);
    expect(pdf.hasStructTree).toBe(true);
    expect(pdf.outline[0]).toEqual({
      title: 'Accountability and Governance Board Notes of the Meeting',
      depth: 0,
    });
    const items = pdf.outline.filter((entry) => entry.depth === 1).map((entry) => entry.title);
    expect(items).toEqual([
      '1 Attendance and apologies',
      '2 Notes of last meeting',
      '3 PCC Update',
      '4 Chief Constable Update',
      '5 Questions from AGB members',
      '6 Domestic Abuse',
      '7 Violence Against Women and Girls (VAWG) and Child Sexual Exploitation (CSE)',
      '8 CLOSE',
    ]);
  });

  it('carries title, author, subject and language in its metadata', () => {
    expect(pdf.info.Title).toBe(TITLE);
    expect(pdf.info.Author).toBe('Accountability and Governance Board');
    expect(pdf.info.Subject).toBe(
      'Notes of the Meeting of the Accountability and Governance Board held on Tuesday 24 March 2026',
    );
    expect(pdf.info.Language).toBe('en-GB');
  });

  it('returns the HTML it printed, a matching hash and the published filename', () => {
    expect(rendered.html).toMatch(/^<!DOCTYPE html>\s*<html lang="en-GB">/);
    expect(rendered.html).toContain(`<title>${TITLE}</title>`);
    expect(rendered.sha256).toBe(createHash('sha256').update(rendered.pdf).digest('hex'));
    expect(rendered.filename).toBe('AGB-notes-2026-03-24.pdf');
    expect(rendered.blockedRequests).toBe(0);
  });

  it('is byte-identical when rendered again from the same data, dated by the meeting', async () => {
    // Over a second later, so Chromium's clock-stamped dates would differ if they were kept.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const renderer = createDocumentRenderer({ pool, engine: createTemplateEngine() });
    const again = await renderer.renderNotes(referenceNotes());
    expect(again.sha256).toBe(rendered.sha256);
    expect(Buffer.compare(again.pdf, rendered.pdf)).toBe(0);
    expect(pdf.info.CreationDate).toBe("D:20260324000000+00'00'");
    expect(pdf.info.ModDate).toBe("D:20260324000000+00'00'");
    // The date is rewritten in place in Chromium's own Info object too: no clock time left anywhere.
    expect(rendered.pdf.toString('latin1')).not.toMatch(/D:(?!20260324000000)\d{14}/);
  });
});

describe('notes that are not the approved full record', () => {
  it('prints DRAFT on every page while not approved, and says when a version was edited', async () => {
    const renderer = createDocumentRenderer({ pool, engine: createTemplateEngine() });
    const vm = referenceNotes();
    const draft = await renderer.renderNotes({
      ...vm,
      approved: false,
      edited: { text: 'Personal information has been removed from this version.' },
      items: vm.items.slice(0, 3),
    });
    const inspected = await inspectPdf(draft.pdf);
    expect(inspected.pageTexts[0]).toContain(
      'Edited version. Personal information has been removed from this version.',
    );
    for (const text of inspected.pageTexts) expect(text).toContain('DRAFT');
  });
});
