/**
 * Content that tries to run script, fetch, navigate or read local files must print as harmless text.
 * A real HTTP server on 127.0.0.1 counts any request that gets out.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserPool, createBrowserPool } from '../../src/documents/render/browser-pool.ts';
import { createDocumentRenderer } from '../../src/documents/render/document-renderer.ts';
import { renderPdf } from '../../src/documents/render/pdf-renderer.ts';
import { createTemplateEngine } from '../../src/documents/render/templates.ts';
import { type NotesViewModel, trustSanitisedHtml } from '../../src/documents/render/view-models.ts';
import { testChromiumPath } from './chromium-for-tests.ts';
import { referenceNotes } from './fixtures.ts';
import { inspectPdf, missingPhrases } from './pdf-inspect.ts';

let pool: BrowserPool;
let server: Server;
const requestsSeen: string[] = [];

function url(path: string): string {
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}/${path}`;
}

/** Everything a page could use to reach out, as body HTML that (wrongly) got past the sanitiser. */
function hostileMarkup(): string {
  return `
    <p>The body survives: BODY-MARKER.</p>
    <script>document.title = 'PWNED-TITLE'; document.body.textContent = 'PWNED-SCRIPT';</script>
    <img src="${url('img')}" alt="">
    <img src="x" onerror="document.body.textContent = 'PWNED-ONERROR'">
    <iframe src="file:///etc/passwd"></iframe>
    <iframe src="${url('iframe')}"></iframe>
    <a href="file:///etc/passwd">passwd link</a>
    <link rel="stylesheet" href="${url('link-stylesheet')}">
    <link rel="prefetch" href="${url('prefetch')}">
    <style>
      @import url("${url('css-import')}");
      body { background-image: url("${url('css-background')}"); }
      @font-face { font-family: Exfil; src: url("${url('css-font')}"); }
      .exfil { font-family: Exfil; }
    </style>
    <p class="exfil" style="background: url('${url('inline-style')}')">styled</p>
    <meta http-equiv="refresh" content="0;url=${url('meta-refresh')}">
    <object data="${url('object')}"></object>
    <embed src="${url('embed')}">
    <video poster="${url('video-poster')}" src="${url('video')}"></video>
    <svg><image href="${url('svg-image')}" width="10" height="10"></image></svg>
    <form action="${url('form')}"><input type="image" src="${url('input-image')}" alt="go"></form>
  `;
}

const PLAIN_TITLE = `<script>alert(1)</script> {{constructor}} <img src=x>`;
const PLAIN_QUESTION = `{{#each this}}x{{/each}} </p><script>document.title='shown as text'</script>`;

function hostileNotes(): NotesViewModel {
  const vm = referenceNotes();
  const [first, second] = vm.items;
  if (!first || !second) throw new Error('fixture changed');
  return {
    ...vm,
    summary: '{{constructor.constructor "return process"}}',
    items: [
      first,
      {
        ...second,
        title: PLAIN_TITLE,
        bodyHtml: trustSanitisedHtml(hostileMarkup()),
        questions: [
          {
            number: 1,
            text: PLAIN_QUESTION,
            askedBy: `<img src="${url('asked-by')}">`,
            answerBullets: [`<a href="file:///etc/passwd">file link as text</a>`],
            answerHtml: null,
            actions: [{ reference: 'AGB/<b>1</b>', text: `url(${url('action')})`, owner: null }],
          },
        ],
      },
    ],
  };
}

beforeAll(async () => {
  server = createServer((request, response) => {
    requestsSeen.push(request.url ?? '?');
    response.end('root:x:0:0:SERVER-RESPONSE');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  pool = await createBrowserPool({ executablePath: testChromiumPath(), poolSize: 1 });
});

afterAll(async () => {
  await pool?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** Gives late requests (timers, refresh) a moment to arrive before counting. */
async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 300));
}

describe('hostile content in a document', () => {
  it('prints plain text literally, runs no script and makes no request', async () => {
    const renderer = createDocumentRenderer({ pool, engine: createTemplateEngine() });
    const rendered = await renderer.renderNotes(hostileNotes());
    await settle();
    const pdf = await inspectPdf(rendered.pdf);

    expect(requestsSeen).toEqual([]);
    expect(
      missingPhrases(pdf, [
        'BODY-MARKER',
        `2 ${PLAIN_TITLE}`,
        `Question 1: ${PLAIN_QUESTION}`,
        '{{constructor.constructor "return process"}}',
        '<a href="file:///etc/passwd">file link as text</a>',
        'ACTION AGB/<b>1</b>',
      ]),
    ).toEqual([]);
    expect(pdf.text.includes('PWNED')).toBe(false);
    expect(pdf.text.includes('root:x:0:0')).toBe(false);
    expect(pdf.info.Title).toBe(
      'Accountability and Governance Board: Notes of the Meeting, Tuesday 24 March 2026',
    );
    expect(rendered.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; {{constructor}}');
  });

  it('prints a hostile board name and marking literally in the running header (CSS page-margin boxes)', async () => {
    const name = `Board"); } @page { @top-left { content: url("${url('chrome-css')}") } } </style><script>1</script>\\`;
    const marking = `OFFICIAL \\" url(${url('marking')})`;
    const renderer = createDocumentRenderer({ pool, engine: createTemplateEngine() });
    const vm = referenceNotes();
    const rendered = await renderer.renderNotes({
      ...vm,
      board: { ...vm.board, name },
      protectiveMarking: marking,
    });
    await settle();
    const pdf = await inspectPdf(rendered.pdf);

    expect(requestsSeen).toEqual([]);
    expect(rendered.blockedRequests).toBe(0);
    // Compared without whitespace: the long name wraps within its margin box.
    const squash = (text: string) => text.replace(/\s+/g, '');
    pdf.pageTexts.forEach((text, index) => {
      expect(squash(text)).toContain(squash(name));
      expect(squash(text)).toContain(squash(marking));
      expect(text).toContain(`Page ${index + 1} of ${pdf.pageCount}`);
    });
  });

  it('is stopped by request interception alone, without the CSP', async () => {
    // The same markup in a bare document: no Content-Security-Policy, so only interception stands.
    const html = `<!DOCTYPE html><html lang="en-GB"><head><title>Bare</title></head><body>${hostileMarkup()}</body></html>`;
    const { pdf, blockedRequests } = await renderPdf(pool, html, {
      headerTemplate: '<span></span>',
      footerTemplate: '<span></span>',
      landscape: false,
      info: { title: 'Bare', author: 'Test', subject: 'Interception', creator: 'Test' },
    });
    await settle();
    const inspected = await inspectPdf(pdf);

    expect(requestsSeen).toEqual([]);
    expect(blockedRequests).toBeGreaterThan(0);
    expect(pool.stats().blockedRequests).toBeGreaterThanOrEqual(blockedRequests);
    expect(inspected.text.includes('PWNED')).toBe(false);
    expect(inspected.text.includes('root:x:0:0')).toBe(false);
    expect(inspected.text).toContain('BODY-MARKER');
  });
});
