import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserPool, createBrowserPool } from '../../src/documents/render/browser-pool.ts';
import {
  createDocumentRenderer,
  type DocumentRenderer,
} from '../../src/documents/render/document-renderer.ts';
import { createTemplateEngine } from '../../src/documents/render/templates.ts';
import { testChromiumPath } from './chromium-for-tests.ts';
import { EXEMPT_CANARY, referenceActionLog, referenceAgenda } from './fixtures.ts';
import { inspectPdf, missingPhrases } from './pdf-inspect.ts';

/** A4 in points. */
const A4 = { short: 596, long: 842 };

let pool: BrowserPool;
let renderer: DocumentRenderer;

beforeAll(async () => {
  pool = await createBrowserPool({ executablePath: testChromiumPath(), poolSize: 1 });
  renderer = createDocumentRenderer({ pool, engine: createTemplateEngine() });
});

afterAll(async () => {
  await pool?.close();
});

describe('the action log as a PDF', () => {
  it('is a landscape, tagged table of open then closed actions', async () => {
    const rendered = await renderer.renderActionLog(referenceActionLog());
    const pdf = await inspectPdf(rendered.pdf);
    expect(pdf.pageSize).toEqual({ width: A4.long, height: A4.short });
    expect(pdf.marked).toBe(true);
    expect(pdf.outline.map((entry) => entry.title)).toEqual([
      'Accountability and Governance Board Action log',
      'Open actions',
      'Closed actions',
    ]);
    expect(
      missingPhrases(pdf, [
        'Reference Action Owner Raised Due Status Latest update',
        "AGB/2026-03/1 WMP to provide OPCC with specific data in relation to Raneem's Law once finalised and audited.",
        'In progress OVERDUE',
        'Data is being audited; expected in May. 28 Apr 2026, WMP',
        'AGB/2026-03/3 WMP to provide OPCC with the Matrix',
        'Matrix shared with the OPCC policy team on 20 April.',
        'Page 1 of 1',
      ]),
    ).toEqual([]);
    expect(pdf.text.indexOf('Open actions')).toBeLessThan(pdf.text.indexOf('Closed actions'));
    expect(pdf.text.includes('DRAFT')).toBe(false);
    expect(rendered.filename).toBe('AGB-action-log-2026-05-12.pdf');
  });
});

describe('the agenda as a PDF', () => {
  it('lists items, presenters and papers, marks a draft, and keeps exempt details out', async () => {
    const rendered = await renderer.renderAgenda(referenceAgenda());
    const pdf = await inspectPdf(rendered.pdf);
    expect(pdf.pageSize).toEqual({ width: A4.short, height: A4.long });
    expect(
      missingPhrases(pdf, [
        'Accountability and Governance Board Agenda Tuesday 28 April 2026 at 10:00',
        'Lloyd House, Colmore Circus, Birmingham',
        '2 Contact Management Presented by: Assistant Chief Constable, Matt Welsted',
        'Contact Management report (PDF, 412 KB)',
        '3 Estates strategy: site disposals Exempt item: not open to the public.',
        'DRAFT',
      ]),
    ).toEqual([]);
    expect(pdf.text.includes(EXEMPT_CANARY)).toBe(false);
    // A cover page with the meeting and its items at a glance; the items' details from page 2.
    expect(pdf.pageCount).toBe(2);
    const [cover, details] = pdf.pageTexts as [string, string];
    expect(cover).toContain(
      'Items of business 1 Apologies 2 Contact Management 3 Estates strategy: site disposals (exempt)',
    );
    expect(cover).toContain('1 paper is published with this agenda');
    expect(cover).not.toContain('Presented by');
    expect(details).toContain('2 Contact Management Presented by: Assistant Chief Constable, Matt Welsted');
    expect(pdf.outline.map((entry) => entry.title)).toEqual([
      'Accountability and Governance Board Agenda',
      'Items of business',
      '1 Apologies',
      '2 Contact Management',
      '3 Estates strategy: site disposals',
    ]);
    expect(pdf.info.Title).toBe('Accountability and Governance Board: Agenda, Tuesday 28 April 2026');
    expect(rendered.filename).toBe('AGB-agenda-2026-04-28.pdf');
  });
});
