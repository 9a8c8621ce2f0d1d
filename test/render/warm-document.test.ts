/**
 * Warm pages: a document of the same kind is swapped into a page that already holds one, and must
 * print exactly as if it had been loaded from scratch; anything that could fetch is loaded in full.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserPool, createBrowserPool } from '../../src/documents/render/browser-pool.ts';
import {
  createDocumentRenderer,
  type DocumentRenderer,
} from '../../src/documents/render/document-renderer.ts';
import { createTemplateEngine } from '../../src/documents/render/templates.ts';
import { trustSanitisedHtml } from '../../src/documents/render/view-models.ts';
import { blockChanges, documentParts } from '../../src/documents/render/warm-document.ts';
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

/** The block changes a page holding `heldHtml` needs to hold `nextHtml`. */
function changesBetween(heldHtml: string, nextHtml: string): Array<[number, string]> {
  return blockChanges(documentParts(heldHtml)!.body, documentParts(nextHtml)!.body);
}

/** Renders with a fresh pool, whose only page has never held a document, and compares the bytes. */
async function expectSameAsColdLoad(
  warm: Buffer,
  render: (renderer: DocumentRenderer) => Promise<{ pdf: Buffer; warm?: boolean }>,
): Promise<void> {
  const fresh = await createBrowserPool({ executablePath: testChromiumPath(), poolSize: 1 });
  try {
    const loaded = await render(createDocumentRenderer({ pool: fresh, engine: createTemplateEngine() }));
    expect(loaded.warm).toBe(false);
    expect(Buffer.compare(warm, loaded.pdf)).toBe(0);
  } finally {
    await fresh.close();
  }
}

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
    await expectSameAsColdLoad(warm.pdf, (cold) => cold.renderNotes(otherMeeting()));
    const text = (await inspectPdf(warm.pdf)).text;
    expect(text).toContain('Ethics Committee');
    expect(text).toContain('DRAFT');
    expect(text).toContain('Tuesday 28 April 2026');
    expect(text).not.toContain('Accountability and Governance Board');
  });

  it('replaces the body even when the running header and title stay the same (an edited draft)', async () => {
    // The page holds the other meeting's notes: a second swap in a row, into a page swapped into before.
    expect((await renderer.renderNotes(referenceNotes())).warm).toBe(true);
    const edited = { ...referenceNotes(), summary: 'Edited after the meeting: a new summary line.' };
    const warm = await renderer.renderNotes(edited);
    expect(warm.warm).toBe(true);
    await expectSameAsColdLoad(warm.pdf, (cold) => cold.renderNotes(edited));
    expect((await inspectPdf(warm.pdf)).text).toContain('Edited after the meeting');
  });

  it('carries text that looks like script, markup or block markers into a warm page as text', async () => {
    // Quotes, backslashes, template-literal syntax, line separators, closing tags and the block
    // markers themselves in text must arrive in the page as the same text, the markers inert.
    const awkward =
      'He said "stop"; \\ \x24{alert(1)} `x` \u2028 </body></html> <!--/part--> ) }; <!--part--> &amp;';
    await renderer.renderNotes(referenceNotes());
    const vm = { ...referenceNotes(), summary: awkward };
    vm.board = { ...vm.board, name: `Board ${awkward}`.slice(0, 120) };
    const parts = documentParts(renderer.renderNotesHtml(vm));
    expect(parts?.blockCount).toBe(documentParts(renderer.renderNotesHtml(referenceNotes()))?.blockCount);
    const warm = await renderer.renderNotes(vm);
    expect(warm.warm).toBe(true);
    await expectSameAsColdLoad(warm.pdf, (cold) => cold.renderNotes(vm));
    const text = (await inspectPdf(warm.pdf)).text.replace(/\s+/g, ' ');
    expect(text).toContain('He said "stop"; \\ \x24{alert(1)} `x`');
    expect(text).toContain('</body></html> <!--/part--> ) }; <!--part--> &amp;');
    expect(pool.stats().blockedRequests).toBe(0);
  });

  it('re-builds only the blocks that changed: an edited item, then an edited action log', async () => {
    await renderer.renderNotes(referenceNotes());
    const vm = referenceNotes();
    const edited = {
      ...vm,
      items: vm.items.map((item, i) =>
        i === 3 ? { ...item, bodyHtml: trustSanitisedHtml('<p>Rewritten after the meeting.</p>') } : item,
      ),
    };
    // One block of many differs, so that block alone is replaced.
    const changes = changesBetween(renderer.renderNotesHtml(vm), renderer.renderNotesHtml(edited));
    expect(changes).toHaveLength(1);
    expect(changes[0]![1]).toContain('Rewritten after the meeting.');
    expect(documentParts(renderer.renderNotesHtml(edited))!.blockCount).toBeGreaterThan(10);
    const warm = await renderer.renderNotes(edited);
    expect(warm.warm).toBe(true);
    await expectSameAsColdLoad(warm.pdf, (cold) => cold.renderNotes(edited));
    expect((await inspectPdf(warm.pdf)).text).toContain('Rewritten after the meeting.');

    await renderer.renderActionLog(referenceActionLog());
    const log = referenceActionLog();
    const logEdited = {
      ...log,
      generatedAt: '2026-05-19T08:30:00Z',
      rows: log.rows.map((row) =>
        row.status === 'closed' ? { ...row, closureNote: 'Closed: new note.' } : row,
      ),
    };
    const warmLog = await renderer.renderActionLog(logEdited);
    expect(warmLog.warm).toBe(true);
    await expectSameAsColdLoad(warmLog.pdf, (cold) => cold.renderActionLog(logEdited));
    expect((await inspectPdf(warmLog.pdf)).text).toContain('Closed: new note.');
  });

  it('re-builds one question when its answer is edited, its item when a question is added', async () => {
    const vm = referenceNotes();
    const at = vm.items.findIndex((item) => item.questions.length > 2);
    const item = vm.items[at]!;
    const withItem = (questions: typeof item.questions) => ({
      ...vm,
      items: vm.items.map((it, i) => (i === at ? { ...it, questions } : it)),
    });
    const answered = withItem(
      item.questions.map((q, i) =>
        i === 1 ? { ...q, answerBullets: [...q.answerBullets, 'A new point.'] } : q,
      ),
    );
    const asked = withItem([...item.questions, { ...item.questions[0]!, answerBullets: ['Asked again.'] }]);
    const html = renderer.renderNotesHtml(vm);

    const edit = changesBetween(html, renderer.renderNotesHtml(answered));
    expect(edit).toHaveLength(1);
    const question = edit[0]![1];
    expect(question).toContain('A new point.');
    // The question alone, not its item: one question in it.
    const questions = (markup: string) => markup.split('<div class="question">').length - 1;
    expect(questions(question)).toBe(1);
    const added = changesBetween(html, renderer.renderNotesHtml(asked));
    expect(added).toHaveLength(1);
    expect(added[0]![1]).toContain('Asked again.');
    expect(questions(added[0]![1])).toBe(item.questions.length + 1);

    for (const next of [answered, asked]) {
      await renderer.renderNotes(vm);
      const warm = await renderer.renderNotes(next);
      expect(warm.warm).toBe(true);
      await expectSameAsColdLoad(warm.pdf, (cold) => cold.renderNotes(next));
    }
  });

  it('pairs nested markers, and refuses a body whose markers do not pair up', () => {
    const doc = (body: string) =>
      `<html><head><style id="document-variable"></style><title>t</title></head><body>${body}</body></html>`;
    const parts = documentParts(
      doc('a<!--part-->b<!--part-->c<!--/part-->d<!--/part-->e<!--part-->f<!--/part-->'),
    )!;
    expect(parts.blockCount).toBe(3);
    expect(parts.body.layout).toBe('a<!--part-->\u0000<!--/part-->e<!--part-->\u0000<!--/part-->');
    const [outer, last] = parts.body.inner;
    expect(outer).toMatchObject({ index: 0, content: 'b<!--part-->c<!--/part-->d' });
    expect(outer!.inner[0]).toMatchObject({ index: 1, content: 'c', layout: 'c' });
    expect(last).toMatchObject({ index: 2, content: 'f' });
    const edited = documentParts(
      doc('a<!--part-->b<!--part-->C<!--/part-->d<!--/part-->e<!--part-->f<!--/part-->'),
    )!;
    expect(blockChanges(parts.body, edited.body)).toEqual([[1, 'C']]);
    const reshaped = documentParts(
      doc('a<!--part-->B<!--part-->c<!--/part-->d<!--/part-->e<!--part-->F<!--/part-->'),
    )!;
    expect(blockChanges(parts.body, reshaped.body)).toEqual([
      [0, 'B<!--part-->c<!--/part-->d'],
      [2, 'F'],
    ]);
    const other = documentParts(doc('a<!--part-->x<!--/part-->'))!;
    expect(blockChanges(parts.body, other.body)).toEqual([[-1, 'a<!--part-->x<!--/part-->']]);
    for (const broken of ['<!--part-->x', 'x<!--/part-->', '<!--part--><!--/part--><!--/part-->']) {
      expect(documentParts(doc(broken)), broken).toBeNull();
    }
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
