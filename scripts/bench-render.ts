/**
 * Rendering benchmark (see /work/shared/design/PERFORMANCE.md). In one run, with one browser binary,
 * renders the reference notes (AGB, 24 March 2026: tagged, with outline) four ways:
 *
 *   naive     launch a browser per document (the baseline), on a few documents
 *   bare      one warm browser, reused Puppeteer pages, setContent + page.pdf, concurrency 1-4
 *   floor     raw CDP Page.printToPDF on a page that already holds the document
 *   pipeline  the real thing: template + locked-down page pool + metadata + hash, concurrency 1-4
 *
 * and prints latency percentiles, throughput, peak memory and PASS/MISS against the targets.
 * Every PDF is checked: page count, title text, tagged, outline.
 *
 * The machine is shared, so load drifts during a run: the four ways are measured in interleaved rounds
 * (a slice of each per round) so that drift lands on all of them alike and the ratios stay fair.
 *
 *   npx tsx scripts/bench-render.ts [--browser headless-shell|chromium] [--docs 50] [--naive 5] [--pool N]
 *                                   [--vary-meeting] [--edit-item] [--vary-items]
 *   (or BOARDROOM_CHROMIUM=chromium)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import {
  type BrowserPool,
  createBrowserPool,
  defaultPoolSize,
} from '../src/documents/render/browser-pool.ts';
import { debianChromiumPath, isChromiumFlavour } from '../src/documents/render/chromium-executable.ts';
import { chromiumLaunchOptions } from '../src/documents/render/chromium-launch.ts';
import { prepareNotes } from '../src/documents/render/document-contexts.ts';
import { createDocumentRenderer } from '../src/documents/render/document-renderer.ts';
import { printOptions, printToPdfParams } from '../src/documents/render/pdf-renderer.ts';
import { createTemplateEngine } from '../src/documents/render/templates.ts';
import { referenceNotes } from '../test/render/fixtures.ts';

const { values: flags } = parseArgs({
  options: {
    browser: { type: 'string', default: process.env.BOARDROOM_CHROMIUM ?? 'headless-shell' },
    docs: { type: 'string', default: '50' },
    naive: { type: 'string', default: '5' },
    // The pipeline's pool size; by default the pool's own (defaultPoolSize()).
    pool: { type: 'string' },
    // Give every pipeline render another meeting date (another title and running header), as when
    // different meetings' notes are rendered one after another; by default the reference notes
    // again and again, as when one meeting's notes are re-rendered after edits.
    'vary-meeting': { type: 'boolean', default: false },
    // Edit one item's text before every pipeline render, as when a draft is re-rendered after each
    // change: the warm page re-builds that item alone.
    'edit-item': { type: 'boolean', default: false },
    // Leave out the last item from every other pipeline render, so that no two documents in a row
    // have the same blocks and the warm page replaces the whole body.
    'vary-items': { type: 'boolean', default: false },
  },
});
const flavour = flags.browser;
if (!isChromiumFlavour(flavour)) throw new Error('--browser must be headless-shell or chromium');
const DOCS = Number(flags.docs);
const NAIVE_DOCS = Number(flags.naive);
const CONCURRENCY = [1, 2, 3, 4] as const;
// As many as the pipeline at c=1: the two p50s make the latency target, so both get the same sample size.
const FLOOR_RUNS = DOCS;
const ROUNDS = 5;
const executablePath = debianChromiumPath(flavour);

// ---------------------------------------------------------------- the document, as the pipeline makes it
const engine = createTemplateEngine();
const vm = referenceNotes();
const prepared = prepareNotes(vm);
const html = engine.notes(prepared.context);
// The shipped print options; the running header and footer are page-margin boxes inside `html`.
const pdfOptions = printOptions({ landscape: false });

// ---------------------------------------------------------------- statistics
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** All batches of one way at one concurrency, accumulated over the rounds. */
class Series {
  readonly latencies: number[] = [];
  wallMs = 0;
  constructor(
    readonly label: string,
    readonly concurrency: number,
  ) {}

  get docsPerSecond(): number {
    return (this.latencies.length * 1000) / this.wallMs;
  }

  p(percent: number): number {
    return percentile(this.latencies, percent);
  }

  describe(): string {
    return `${this.label.padEnd(9)} c=${this.concurrency}  p50 ${this.p(50).toFixed(0).padStart(5)} ms  p95 ${this.p(95).toFixed(0).padStart(5)} ms  ${this.docsPerSecond.toFixed(1).padStart(5)} docs/s  (n=${this.latencies.length})`;
  }
}

type Job = (worker: number) => Promise<Uint8Array>;

/** Runs `total` jobs on `concurrency` workers; PDFs go to disk so they do not inflate Node's memory. */
async function runBatch(series: Series, total: number, job: Job, outDir: string | null): Promise<void> {
  let started = 0;
  const wallStart = performance.now();
  await Promise.all(
    Array.from({ length: series.concurrency }, async (_, worker) => {
      while (started < total) {
        started += 1;
        const t0 = performance.now();
        const pdf = await job(worker);
        series.latencies.push(performance.now() - t0);
        if (outDir)
          writeFileSync(
            path.join(outDir, `${series.label}-c${series.concurrency}-${series.latencies.length}.pdf`),
            pdf,
          );
      }
    }),
  );
  series.wallMs += performance.now() - wallStart;
}

// ---------------------------------------------------------------- memory, from /proc
interface MemorySample {
  rssMb: number;
  pssMb: number;
}

function readKb(file: string, key: string): number {
  try {
    const match = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(readFileSync(file, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0; // The process exited between listing and reading.
  }
}

/** This Node process and the processes of one Chromium (its process group). */
function pipelineProcesses(browserPid: number | null): number[] {
  const pids = [process.pid];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      if (browserPid !== null && pgrp === browserPid) pids.push(Number(name));
    } catch {
      // Gone already.
    }
  }
  return pids;
}

/** RSS counts shared pages once per process (an upper bound); PSS shares them out (the honest total). */
class PeakMemory {
  readonly peak: MemorySample = { rssMb: 0, pssMb: 0 };
  readonly #timer: NodeJS.Timeout;

  constructor(browserPid: () => number | null) {
    this.#timer = setInterval(() => {
      let rssKb = 0;
      let pssKb = 0;
      for (const pid of pipelineProcesses(browserPid())) {
        rssKb += readKb(`/proc/${pid}/status`, 'VmRSS');
        pssKb += readKb(`/proc/${pid}/smaps_rollup`, 'Pss');
      }
      this.peak.rssMb = Math.max(this.peak.rssMb, rssKb / 1024);
      this.peak.pssMb = Math.max(this.peak.pssMb, pssKb / 1024);
    }, 200);
  }

  stop(): void {
    clearInterval(this.#timer);
  }
}

// ---------------------------------------------------------------- checking every PDF
async function verifyAll(dir: string): Promise<{ checked: number; pages: number; problems: string[] }> {
  // Loaded only now, after the timed and memory-sampled part: the checker is not part of the pipeline.
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const problems: string[] = [];
  let expectedPages = 0;
  const files = readdirSync(dir);
  for (const file of files) {
    const task = getDocument({ data: new Uint8Array(readFileSync(path.join(dir, file))), verbosity: 0 });
    const doc = await task.promise;
    try {
      const markInfo: unknown = await doc.getMarkInfo();
      const tagged = markInfo instanceof Map && markInfo.get('Marked') === true;
      const outline = (await doc.getOutline()) ?? [];
      const content = await (await doc.getPage(1)).getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
      // Every document is the same (17 pages on this machine), so the first one read sets the count.
      expectedPages ||= doc.numPages;
      // (With --vary-items, every other document is shorter.)
      if ((doc.numPages !== expectedPages && !flags['vary-items']) || doc.numPages < 2) {
        problems.push(`${file}: ${doc.numPages} pages, expected ${expectedPages} (more than one)`);
      }
      if (!text.includes('Notes of the Meeting')) problems.push(`${file}: title text missing`);
      if (!text.includes(`Page 1 of ${doc.numPages}`)) problems.push(`${file}: running footer missing`);
      if (!tagged) problems.push(`${file}: not tagged`);
      if (outline.length === 0) problems.push(`${file}: no outline`);
    } finally {
      await task.destroy();
    }
  }
  return { checked: files.length, pages: expectedPages, problems };
}

// ---------------------------------------------------------------- the four ways
const naiveJob: Job = async () => {
  const browser = await puppeteer.launch(chromiumLaunchOptions(executablePath));
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf(pdfOptions);
  } finally {
    await browser.close();
  }
};

async function barePagesJob(browser: Browser): Promise<Job> {
  const pages: Page[] = await Promise.all(CONCURRENCY.map(() => browser.newPage()));
  return async (worker) => {
    const page = pages[worker];
    if (!page) throw new Error('no page for worker');
    await page.setContent(html, { waitUntil: 'load' });
    return page.pdf(pdfOptions);
  };
}

/** Page.printToPDF with the shipped parameters, on a page that already holds the document. */
async function cdpFloorJob(browser: Browser): Promise<Job> {
  const page = await browser.newPage();
  await page.setContent(html, { waitUntil: 'load' });
  const client = await page.createCDPSession();
  const params = printToPdfParams(pdfOptions);
  return async () => {
    const { data } = await client.send('Page.printToPDF', params);
    return Buffer.from(data, 'base64');
  };
}

/** From the view model: templates, pooled locked-down page, PDF metadata and hash are all inside. */
function pipelineJob(pool: BrowserPool): Job {
  const renderer = createDocumentRenderer({ pool, engine });
  let n = 0;
  return async () => {
    const vm = referenceNotes();
    n += 1;
    if (flags['vary-meeting']) {
      vm.meeting = {
        ...vm.meeting,
        date: `2026-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`,
      };
    }
    if (flags['edit-item']) {
      const at = 1 + (n % (vm.items.length - 1));
      vm.items = vm.items.map((item, i) =>
        i === at ? { ...item, updatePoints: [...item.updatePoints, `Edit number ${n}.`] } : item,
      );
    }
    if (flags['vary-items'] && n % 2 === 0) vm.items = vm.items.slice(0, -1);
    return (await renderer.renderNotes(vm)).pdf;
  };
}

// ---------------------------------------------------------------- main
async function main(): Promise<void> {
  const poolSize = flags.pool === undefined ? defaultPoolSize() : Number(flags.pool);
  const outDir = mkdtempSync(path.join(tmpdir(), 'bench-render-'));
  console.log(`Boardroom render benchmark, ${new Date().toISOString()}`);
  console.log(
    `machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GB, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}; node ${process.version}`,
  );

  const referenceBrowser = await puppeteer.launch(chromiumLaunchOptions(executablePath));
  const pool = await createBrowserPool({ executablePath, poolSize });
  console.log(`browser: ${executablePath} (${await referenceBrowser.version()})`);
  console.log(
    `document: reference notes, ${(html.length / 1024).toFixed(0)} KB of HTML, tagged + outline, A4`,
  );
  console.log(
    `per concurrency level: ${DOCS} docs in ${ROUNDS} interleaved rounds; naive: ${NAIVE_DOCS}; floor: ${FLOOR_RUNS}; pool size: ${poolSize}\n`,
  );

  const bareJob = await barePagesJob(referenceBrowser);
  const floorJob = await cdpFloorJob(referenceBrowser);
  const pipe = pipelineJob(pool);
  for (const job of [bareJob, floorJob, pipe]) await runBatch(new Series('warm-up', 1), 3, job, null);

  const naive = new Series('naive', 1);
  const floor = new Series('floor', 1);
  const bare = CONCURRENCY.map((c) => new Series('bare', c));
  const piped = CONCURRENCY.map((c) => new Series('pipeline', c));
  const memory = new PeakMemory(() => pool.browserPid());
  for (let round = 0; round < ROUNDS; round += 1) {
    await runBatch(naive, share(NAIVE_DOCS, round), naiveJob, outDir);
    await runBatch(floor, share(FLOOR_RUNS, round), floorJob, outDir);
    for (const [index] of CONCURRENCY.entries()) {
      await runBatch(bare[index] as Series, share(DOCS, round), bareJob, outDir);
      await runBatch(piped[index] as Series, share(DOCS, round), pipe, outDir);
    }
  }
  memory.stop();
  const poolStats = pool.stats();
  await pool.close();
  await referenceBrowser.close();

  for (const series of [naive, ...bare, floor, ...piped]) console.log(series.describe());
  console.log(
    `\npipeline peak memory, Node + its Chromium: RSS ${memory.peak.rssMb.toFixed(0)} MB (sum, counts shared pages in every process), PSS ${memory.peak.pssMb.toFixed(0)} MB`,
  );
  console.log(`pool: ${JSON.stringify(poolStats)}`);

  const { checked, pages: expectedPages, problems } = await verifyAll(outDir);
  rmSync(outDir, { recursive: true, force: true });
  console.log(
    `\nverified ${checked} PDFs (${expectedPages} pages, title and footer text, tagged, outline): ${problems.length === 0 ? 'all good' : `${problems.length} problems`}`,
  );
  for (const problem of problems.slice(0, 20)) console.log(`  ${problem}`);

  const best = (series: Series[]): Series =>
    series.reduce((a, b) => (b.docsPerSecond > a.docsPerSecond ? b : a));
  const bestPipeline = best(piped);
  const bestBare = best(bare);
  const single = piped[0] as Series;
  const full = piped.find((series) => series.concurrency === Math.min(poolSize, 4)) as Series;
  const targets: Array<[string, number, string, boolean]> = [
    [
      'pipeline p50 (c=1) / floor p50',
      single.p(50) / floor.p(50),
      '<= 1.3',
      single.p(50) / floor.p(50) <= 1.3,
    ],
    [
      `pipeline best (${bestPipeline.docsPerSecond.toFixed(1)}/s at c=${bestPipeline.concurrency}) / bare best (${bestBare.docsPerSecond.toFixed(1)}/s at c=${bestBare.concurrency})`,
      bestPipeline.docsPerSecond / bestBare.docsPerSecond,
      '>= 0.9',
      bestPipeline.docsPerSecond / bestBare.docsPerSecond >= 0.9,
    ],
    [
      `pipeline best / naive (${naive.docsPerSecond.toFixed(1)}/s)`,
      bestPipeline.docsPerSecond / naive.docsPerSecond,
      '>= 5',
      bestPipeline.docsPerSecond / naive.docsPerSecond >= 5,
    ],
    [
      `pipeline p95/p50, pool full (c=${full.concurrency})`,
      full.p(95) / full.p(50),
      '<= 2',
      full.p(95) / full.p(50) <= 2,
    ],
    ['peak memory, Node + Chromium, RSS summed (MB)', memory.peak.rssMb, '<= 800', memory.peak.rssMb <= 800],
    ['peak memory, Node + Chromium, PSS (MB)', memory.peak.pssMb, '<= 800', memory.peak.pssMb <= 800],
    ['PDFs failing verification', problems.length, '= 0', problems.length === 0],
  ];
  // Not targets, but they say where the time goes: the floor skips parsing and layout entirely, so
  // bare pages (setContent + page.pdf) already sit above it; the pipeline's own cost is its gap to bare.
  const bareSingle = bare[0] as Series;
  console.log(`\nfor context: bare p50 / floor p50 (c=1) ${(bareSingle.p(50) / floor.p(50)).toFixed(2)}`);
  console.log(`             pipeline p50 / bare p50 (c=1) ${(single.p(50) / bareSingle.p(50)).toFixed(2)}`);
  console.log(
    `             load average at the end: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );

  console.log('\ntargets:');
  for (const [name, value, target, met] of targets) {
    console.log(
      `  ${met ? 'PASS' : 'MISS'}  ${name}: ${Number.isInteger(value) ? value : value.toFixed(2)} (target ${target})`,
    );
  }
}

/** This round's slice of `total`, spreading any remainder over the first rounds. */
function share(total: number, round: number): number {
  return Math.floor(total / ROUNDS) + (round < total % ROUNDS ? 1 : 0);
}

await main();
