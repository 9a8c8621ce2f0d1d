/**
 * Names beyond Latin-1 (Welsh, Polish, Greek, Cyrillic, Vietnamese) print in the document's own
 * face, Source Sans 3, shipped with the project: identical on every machine. Documents that need no
 * extra subset carry none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserPool, createBrowserPool } from '../../src/documents/render/browser-pool.ts';
import { createDocumentRenderer } from '../../src/documents/render/document-renderer.ts';
import { documentFonts, EXTRA_FONTS_MARKER } from '../../src/documents/render/fonts.ts';
import { createTemplateEngine } from '../../src/documents/render/templates.ts';
import { testChromiumPath } from './chromium-for-tests.ts';
import { ATTENDEES, referenceNotes } from './fixtures.ts';
import { inspectPdf } from './pdf-inspect.ts';

const NAMES = {
  welsh: 'Siân Llŵyd',
  polish: 'Łukasz Wójcik',
  greek: 'Σωκράτης Παπαδόπουλος',
  cyrillic: 'Юлія Коваленко',
  vietnamese: 'Nguyễn Thị Hương',
};

const faces = (html: string) => html.split('@font-face').length - 1;
const page = (body: string, title = 'Notes') =>
  `<!doctype html><html><head><title>${title}</title><style>${documentFonts().css}\n${EXTRA_FONTS_MARKER}</style></head><body>${body}</body></html>`;

describe('font subsets', () => {
  it('gives a Latin-only document the four Latin faces and nothing else', () => {
    const html = documentFonts().complete(page("<p>Mike O'Hara, £5, café — “quoted” …</p>"));
    expect(faces(html)).toBe(4);
    expect(html).not.toContain(EXTRA_FONTS_MARKER);
  });

  it('adds the subsets the text uses, once each, and only those', () => {
    const fonts = documentFonts();
    expect(faces(fonts.complete(page(`<p>${NAMES.welsh} and ${NAMES.polish}</p>`)))).toBe(8);
    const all = fonts.complete(page(`<p>${Object.values(NAMES).join(', ')}</p>`));
    // latin + latin-ext + greek + cyrillic + vietnamese
    expect(faces(all)).toBe(20);
    expect(all.match(/unicode-range:U\+0301,U\+0400-045F/g)).toHaveLength(4);
  });

  it('ignores the marker where a user typed it (a title before the stylesheet)', () => {
    const html = documentFonts().complete(page(`<p>${NAMES.polish}</p>`, EXTRA_FONTS_MARKER));
    expect(html).toContain(`<title>${EXTRA_FONTS_MARKER}</title>`);
    expect(faces(html)).toBe(8);
  });
});

describe('a PDF with names in five scripts', () => {
  let pool: BrowserPool;
  let pdf: Uint8Array;
  let warm: { pdf: Uint8Array; warm?: boolean };

  beforeAll(async () => {
    pool = await createBrowserPool({ executablePath: testChromiumPath(), poolSize: 1 });
    const renderer = createDocumentRenderer({ pool, engine: createTemplateEngine() });
    const vm = referenceNotes();
    const attendance = vm.items[0]!.attendance!;
    vm.items[0] = {
      ...vm.items[0]!,
      attendance: {
        ...attendance,
        present: [
          ...ATTENDEES,
          ...Object.values(NAMES).map((name) => ({ name, role: 'Independent Member', organisation: null })),
        ],
      },
    };
    pdf = (await renderer.renderNotes(vm)).pdf;
    // Then warm, into a page holding Latin-only notes: the extra subsets arrive with the swapped
    // stylesheet and must be loaded before printing, or the names would print in a fallback font.
    await renderer.renderNotes(referenceNotes());
    warm = await renderer.renderNotes(vm);
  }, 60_000);
  afterAll(() => pool?.close());

  it('prints every name, extractable as text', async () => {
    const { text } = await inspectPdf(pdf);
    for (const name of Object.values(NAMES)) expect(text).toContain(name);
  });

  it('prints the same bytes when the subsets are swapped into a warm page', () => {
    expect(warm.warm).toBe(true);
    expect(Buffer.compare(Buffer.from(warm.pdf), Buffer.from(pdf))).toBe(0);
  });

  it('embeds Source Sans 3 and no other font', () => {
    const names = [
      ...Buffer.from(pdf)
        .toString('latin1')
        .matchAll(/\/BaseFont\s*\/([A-Za-z0-9+_-]+)/g),
    ].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((n) => !/SourceSans3/.test(n))).toEqual([]);
  });
});
