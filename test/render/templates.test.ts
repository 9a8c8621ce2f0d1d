/** HTML generation only: no browser. */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  prepareActionLog,
  prepareAgenda,
  prepareNotes,
} from '../../src/documents/render/document-contexts.ts';
import { cssStringText } from '../../src/documents/render/template-helpers.ts';
import { createTemplateEngine, DEFAULT_TEMPLATES_DIR } from '../../src/documents/render/templates.ts';
import { trustSanitisedHtml } from '../../src/documents/render/view-models.ts';
import { EXEMPT_CANARY, referenceActionLog, referenceAgenda, referenceNotes } from './fixtures.ts';

const engine = createTemplateEngine();
const scratchDirs: string[] = [];

afterAll(() => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

function notesHtml(vm = referenceNotes()): string {
  return engine.notes(prepareNotes(vm).context);
}

describe('document HTML', () => {
  it('is a self-contained en-GB document with a title and a locked-down CSP', () => {
    const html = notesHtml();
    expect(html).toMatch(/^<!DOCTYPE html>\s*<html lang="en-GB">/);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">`,
    );
    expect(html).toContain(
      '<title>Accountability and Governance Board: Notes of the Meeting, Tuesday 24 March 2026</title>',
    );
    // Fonts are inlined; nothing points outside the document.
    expect(html.match(/url\(data:font\/woff2;base64,/g)).toHaveLength(4);
    expect(html).not.toMatch(/\b(?:src|href)\s*=|url\((?!data:)|@import/i);
  });

  it('escapes plain text and never evaluates it as a template', () => {
    const vm = referenceNotes();
    const html = notesHtml({
      ...vm,
      summary: '<script>alert(1)</script> {{constructor}} & "quotes"',
    });
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; {{constructor}} &amp; &quot;quotes&quot;');
    expect(html).not.toContain('<script>');
  });

  it('inserts sanitised body HTML as markup', () => {
    const vm = referenceNotes();
    const [first, ...rest] = vm.items;
    if (!first) throw new Error('fixture changed');
    const html = notesHtml({
      ...vm,
      items: [{ ...first, bodyHtml: trustSanitisedHtml('<p><em>kept</em></p>') }, ...rest],
    });
    expect(html).toContain('<div class="rich-text"><p><em>kept</em></p></div>');
  });

  it('leaves out exempt items, whatever the caller passed', () => {
    const prepared = prepareNotes(referenceNotes());
    expect(prepared.context.items.map((item) => item.number)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
    ]);
    expect(notesHtml()).not.toContain(EXEMPT_CANARY);
  });

  it('throws on a missing field instead of printing a blank (strict mode)', () => {
    const context = prepareNotes(referenceNotes()).context;
    const { board: _dropped, ...withoutBoard } = context;
    expect(() => engine.notes(withoutBoard as typeof context)).toThrow(/"name" not defined/);
  });

  it('lists the agenda, exempt items by title only when flagged', () => {
    const html = engine.agenda(prepareAgenda(referenceAgenda()).context);
    expect(html).toContain('Estates strategy: site disposals');
    expect(html).toContain('Exempt item: not open to the public.');
    expect(html).not.toContain(EXEMPT_CANARY);
    expect(html).toContain('Contact Management report <span class="paper-meta">(PDF, 412 KB)</span>');
    expect(html).toContain('Tuesday 28 April 2026</time> at 10:00');
    expect(html).toContain('<div class="watermark" aria-hidden="true">DRAFT</div>');
  });

  it('puts open actions before closed ones and flags overdue ones in words', () => {
    const prepared = prepareActionLog(referenceActionLog());
    expect(prepared.context.openRows.map((row) => row.reference)).toEqual(['AGB/2026-03/1', 'AGB/2026-03/2']);
    expect(prepared.context.closedRows.map((row) => row.reference)).toEqual(['AGB/2026-03/3']);
    expect(prepared.landscape).toBe(true);
    expect(prepared.filename).toBe('AGB-action-log-2026-05-12.pdf');

    const html = engine.actionLog(prepared.context);
    expect(html.indexOf('AGB/2026-03/1')).toBeLessThan(html.indexOf('AGB/2026-03/3'));
    expect(html).toContain('<span class="tag tag-overdue">Overdue</span>');
    // 08:30 UTC on 12 May is 09:30 in London (BST).
    expect(html).toContain(
      'Generated Tuesday 12 May 2026 at 09:30: 2 open actions (1 overdue) and 1 closed action.',
    );
  });

  it('prints the running header and footer with the marking and page numbers', () => {
    const html = notesHtml({ ...referenceNotes(), approved: false });
    expect(html).toContain(`@top-center { content: "${cssStringText('OFFICIAL')}";`);
    expect(html).toContain(
      `@top-right { content: "${cssStringText('Notes of the Meeting, Tuesday 24 March 2026')}";`,
    );
    expect(html).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages);');
    expect(html).toContain('@bottom-left { content: "DRAFT: not yet approved";');
    expect(notesHtml()).not.toContain('DRAFT: not yet approved');
  });

  it('escapes running-header text so it can close neither the CSS string nor the <style> element', () => {
    const name = 'Board "A" & \\ </style><script>x</script> \u2019s 𝔅';
    const html = notesHtml({ ...referenceNotes(), board: { ...referenceNotes().board, name } });
    // The only </style>s are the two stylesheets' own; the body prints the name HTML-escaped.
    expect(html.match(/<\/style>/g)).toHaveLength(2);
    expect(html).toContain(`@top-left { content: "${cssStringText(name)}";`);
    expect(cssStringText(name)).toMatch(/^[A-Za-z0-9 \\]*$/);
    expect(cssStringText('a"b\\c, 𝔅')).toBe('a\\22 b\\5c c\\2c  \\1d505 ');
  });
});

describe('template engine', () => {
  it('refuses at start-up a template that calls an unknown helper', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'boardroom-templates-'));
    scratchDirs.push(dir);
    cpSync(DEFAULT_TEMPLATES_DIR, dir, { recursive: true });
    writeFileSync(path.join(dir, 'agenda.hbs'), '{{lookupSecrets board}}');
    expect(() => createTemplateEngine(dir)).toThrow(/knownHelpersOnly/);
  });
});
