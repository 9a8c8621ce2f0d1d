/**
 * A published decision: its canonical snapshot, its lines (for the diff and search) and its PDF
 * notice, printed by the same Chromium pool and print settings as the other documents (A4, tagged,
 * with an outline), from a template that loads nothing.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { sha256Hex } from '../core/hash.ts';
import { escapeHtml } from '../rich-text/sanitize.ts';
import { formatLongDate } from '../text/date-format.ts';
import type { BrowserPool } from './render/browser-pool.ts';
import { type DocumentFonts, documentFonts } from './render/fonts.ts';
import { renderPdf } from './render/pdf-renderer.ts';
import { TEMPLATE_HELPERS } from './render/template-helpers.ts';

export const DECISION_SNAPSHOT_SCHEMA = 'boardroom/published-decision@1';

export interface DecisionSnapshot {
  schema: typeof DECISION_SNAPSHOT_SCHEMA;
  decision: {
    id: string;
    boardId: string;
    board: { name: string; code: string };
    reference: string;
    title: string;
    decisionDate: string;
    decisionMaker: string;
    summary: string;
    meeting: { id: string; date: string } | null;
    item: { id: string; title: string } | null;
  };
  version: number;
  publishedAt: string;
  reason: string | null;
}

export function summaryParagraphs(summary: string): string[] {
  return summary
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

export function decisionLines(d: DecisionSnapshot['decision']): string[] {
  return [
    `Decision ${d.reference}: ${d.title}`,
    `Date of decision: ${formatLongDate(d.decisionDate)}`,
    `Decision maker: ${d.decisionMaker}`,
    ...(d.meeting ? [`Meeting: ${d.board.name}, ${formatLongDate(d.meeting.date)}`] : []),
    ...(d.item ? [`Agenda item: ${d.item.title}`] : []),
    '',
    ...summaryParagraphs(d.summary),
  ];
}

const TEMPLATE = fileURLToPath(
  new URL('../../templates/web/public/print/decision-notice.handlebars', import.meta.url),
);

let compiled: Handlebars.TemplateDelegate | null = null;
let fonts: DocumentFonts | null = null;

function template(): Handlebars.TemplateDelegate {
  if (compiled) return compiled;
  const hbs = Handlebars.create();
  hbs.registerHelper(TEMPLATE_HELPERS);
  fonts = documentFonts();
  const css = `${fonts.css}\n${fonts.marker}`;
  hbs.registerPartial('font-faces', () => css);
  compiled = hbs.compile(readFileSync(TEMPLATE, 'utf8'), {
    strict: true,
    knownHelpersOnly: true,
    knownHelpers: Object.fromEntries(Object.keys(TEMPLATE_HELPERS).map((name) => [name, true])),
    explicitPartialContext: true,
  });
  return compiled;
}

export function decisionHtml(snapshot: DecisionSnapshot): string {
  const d = snapshot.decision;
  const html = template()({
    title: `Decision ${d.reference}: ${d.title}`,
    boardName: d.board.name,
    reference: d.reference,
    decisionTitle: d.title,
    decisionDate: d.decisionDate,
    decisionMaker: d.decisionMaker,
    meetingDate: d.meeting?.date ?? null,
    itemTitle: d.item?.title ?? null,
    paragraphs: summaryParagraphs(d.summary),
    version: snapshot.version,
    reason: snapshot.reason,
  });
  return fonts!.complete(html);
}

const chrome = (text: string) =>
  `<div style="font-family: sans-serif; font-size: 8pt; width: 100%; margin: 0 18mm; color: #484949;">${text}</div>`;

export async function renderDecisionPdf(
  pool: BrowserPool,
  snapshot: DecisionSnapshot,
): Promise<{ pdf: Buffer; sha256: string; filename: string }> {
  const d = snapshot.decision;
  const { pdf } = await renderPdf(pool, decisionHtml(snapshot), {
    headerTemplate: chrome(escapeHtml(`${d.board.name}: decision ${d.reference}`)),
    footerTemplate: chrome('Page <span class="pageNumber"></span> of <span class="totalPages"></span>'),
    landscape: false,
    info: {
      title: `Decision ${d.reference}: ${d.title}`,
      author: d.board.name,
      subject: 'Record of a decision of significant public interest',
      creator: 'Boardroom',
    },
  });
  const suffix = snapshot.version > 1 ? `-v${snapshot.version}` : '';
  return { pdf, sha256: sha256Hex(pdf), filename: `${d.reference}${suffix}.pdf` };
}
