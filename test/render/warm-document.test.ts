/**
 * Warm pages: a document of the same kind is swapped into a page that already holds one, and must
 * print exactly as if it had been loaded from scratch; anything that could fetch is loaded in full.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserPool, createBrowserPool } from '../../src/render/browser-pool.ts';
import { createDocumentRenderer, type DocumentRenderer } from '../../src/render/document-renderer.ts';
import { createTemplateEngine } from '../../src/render/templates.ts';
import { trustSanitisedHtml } from '../../src/render/view-models.ts';
import { documentParts } from '../../src/render/warm-document.ts';
import { testChromiumPath } from './chromium-for-tests.ts';
import { referenceActionLog, referenceNotes } from './fixtures.ts';
import { inspectPdf } from './pdf-inspect.ts';

let pool: BrowserPool;
let renderer: DocumentRenderer;

beforeAll(async () => {
  // One page each, so every render after the first lands on a warm page.
  pool = await createBrowserPool({ executablePath: testChromiumPath(), poolSize: 1 });
  renderer = createDocumentRenderer({ pool, engine: createTemplateEngine() });
}, 60_000);
afterAll(async () => {
  await pool?.close();
});

function otherMeeting() {
  const vm = referenceNotes();
  return {
    ...vm,
    board: { ...vm.board, name: 'Ethics Committee' },
    meeting: { ...vm.meeting, date: '2026-04-28' },
    approved: false,
    items: vm.items.slice(0, 3),
  };
}

describe('warm pages', () => {
  it('prints a document swapped into a warm page byte for byte as a cold load prints it', async () => {
    await renderer.renderNotes(referenceNotes());
    await renderer.renderActionLog(referenceActionLog());
    await renderer.renderNotes(referenceNotes());
    const warm = await renderer.renderNotes(otherMeeting());
    expect(warm.warm).toBe(true);
    // A fresh pool for each: its only page has never held a document.
    const fresh = await createBrowserPool({ executablePath: testChromiumPath(), poolSize: 1 });
    try {
      const loaded = await createDocumentRenderer({
        pool: fresh,
        engine: createTemplateEngine(),
      }).renderNotes(otherMeeting());
      expect(loaded.warm).toBe(false);
      expect(Buffer.compare(warm.pdf, loaded.pdf)).toBe(0);
    } finally {
      await fresh.close();
    }
    const text = (await inspectPdf(warm.pdf)).text;
    expect(text).toContain('Ethics Committee');
    expect(text).toContain('DRAFT');
    expect(text).toContain('Tuesday 28 April 2026');
    expect(text).not.toContain('Accountability and Governance Board');
  });

  it('replaces the body even when the running header and title stay the same (an edited draft)', async () => {
    await renderer.renderNotes(referenceNotes());
    const edited = { ...referenceNotes(), summary: 'Edited after the meeting: a new summary line.' };
    const warm = await renderer.renderNotes(edited);
    expect(warm.warm).toBe(true);
    const fresh = await createBrowserPool({ executablePath: testChromiumPath(), poolSize: 1 });
    try {
      const loaded = await createDocumentRenderer({
        pool: fresh,
        engine: createTemplateEngine(),
      }).renderNotes(edited);
      expect(Buffer.compare(warm.pdf, loaded.pdf)).toBe(0);
    } finally {
      await fresh.close();
    }
    expect((await inspectPdf(warm.pdf)).text).toContain('Edited after the meeting');
  });

  it('loads in full anything whose changing parts could fetch', () => {
    const vm = referenceNotes();
    const html = (bodyHtml: string) =>
      renderer.renderNotesHtml({
        ...vm,
        items: [{ ...vm.items[1]!, bodyHtml: trustSanitisedHtml(bodyHtml) }],
      });
    expect(documentParts(html('<p>Plain words.</p>'))).not.toBeNull();
    for (const hostile of [
      '<img src="http://127.0.0.1:9/x">',
      '<p style="background:url(http://127.0.0.1:9/x)">x</p>',
      '<svg><image href="x"/></svg>',
      '<iframe src="file:///etc/passwd"></iframe>',
      '<link rel="stylesheet" href="http://127.0.0.1:9/x">',
      '<video poster="x"></video>',
    ]) {
      expect(documentParts(html(hostile)), hostile).toBeNull();
    }
  });
});
