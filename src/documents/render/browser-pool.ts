/**
 * One Chromium for the whole process, with a small pool of warm, locked-down pages.
 *
 * - Launch once, reuse pages: a launch costs several times a render (PERFORMANCE.md).
 * - Each page lives in its own browser context, with JavaScript off, service workers bypassed and
 *   every request aborted except data: URLs: templates are self-contained (fonts are data: URLs), so
 *   any other request is user text trying to fetch something.
 * - A page is recycled after `maxRendersPerPage` renders and after any failure or timeout.
 * - If Chromium crashes or disconnects, in-flight renders reject with BrowserCrashedError and the next
 *   render launches a new browser. Renders are not retried here (see BrowserCrashedError).
 * - `close()` waits for in-flight renders, closes Chromium, and kills its process group if it hangs.
 */
import { availableParallelism } from 'node:os';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { chromiumLaunchOptions } from './chromium-launch.ts';
import {
  ignoreClosedPage,
  killProcessGroup,
  type LiveBrowser,
  type PooledPage,
  positive,
  type Waiter,
  waitForProcessGroupExit,
  withTimeout,
} from './pool-internals.ts';
import {
  BrowserCrashedError,
  BrowserLaunchError,
  BrowserPoolClosedError,
  RenderError,
  RenderTimeoutError,
} from './render-errors.ts';

export interface BrowserPoolOptions {
  /** The real Chromium binary, not a shell wrapper (see chromium-executable.ts). */
  executablePath: string;
  /** Pages rendering at once. Default `defaultPoolSize()`. */
  poolSize?: number;
  /** Renders before a page (and its context) is replaced. Default 50. */
  maxRendersPerPage?: number;
  /** Deadline of one render, from getting a page to the last PDF byte. Default 30 s. */
  renderTimeoutMs?: number;
  launchTimeoutMs?: number;
  /** How long `close()` waits for Chromium to exit before killing it. Default 5 s. */
  closeTimeoutMs?: number;
  extraArgs?: readonly string[];
}

export interface BrowserPoolStats {
  browserLaunches: number;
  browserCrashes: number;
  renders: number;
  failedRenders: number;
  timedOutRenders: number;
  pagesCreated: number;
  pagesRecycled: number;
  /** Requests the pages tried to make and were refused. Templates make none, so > 0 means hostile input. */
  blockedRequests: number;
}

export interface PooledResult<T> {
  value: T;
  /** Requests refused during this render. */
  blockedRequests: number;
}

export interface WithPageOptions {
  timeoutMs?: number;
}

export interface BrowserPool {
  withPage<T>(work: (page: Page) => Promise<T>, options?: WithPageOptions): Promise<PooledResult<T>>;
  stats(): BrowserPoolStats;
  /** Pid of the current Chromium process, or null when none is running (tests, metrics). */
  browserPid(): number | null;
  close(): Promise<void>;
}

/**
 * One page per core, at least two. Measured on 2 cores (scripts/bench-render.ts, --pool 2 against 3,
 * alternated): the same documents/s, a third page only adds a renderer (~150 MB RSS, ~55 MB PSS) and
 * queueing inside Chromium instead of in the pool.
 */
export function defaultPoolSize(): number {
  return Math.max(2, availableParallelism());
}

/** Launches Chromium and opens the warm pages before returning. */
export async function createBrowserPool(options: BrowserPoolOptions): Promise<BrowserPool> {
  const pool = new ChromiumPagePool(options);
  try {
    await pool.warmUp();
  } catch (error) {
    await pool.close();
    throw error;
  }
  return pool;
}

class ChromiumPagePool implements BrowserPool {
  readonly #executablePath: string;
  readonly #poolSize: number;
  readonly #maxRendersPerPage: number;
  readonly #renderTimeoutMs: number;
  readonly #launchTimeoutMs: number;
  readonly #closeTimeoutMs: number;
  readonly #extraArgs: readonly string[];

  #live: LiveBrowser | null = null;
  #launching: Promise<LiveBrowser> | null = null;
  #idle: PooledPage[] = [];
  #permits: number;
  #waiters: Waiter[] = [];
  /** Renders and page clean-ups not yet finished; `close()` waits for them. */
  readonly #pending = new Set<Promise<unknown>>();
  #closing: Promise<void> | null = null;
  readonly #stats: BrowserPoolStats = {
    browserLaunches: 0,
    browserCrashes: 0,
    renders: 0,
    failedRenders: 0,
    timedOutRenders: 0,
    pagesCreated: 0,
    pagesRecycled: 0,
    blockedRequests: 0,
  };

  constructor(options: BrowserPoolOptions) {
    this.#executablePath = options.executablePath;
    this.#poolSize = positive(options.poolSize ?? defaultPoolSize(), 'poolSize');
    this.#maxRendersPerPage = positive(options.maxRendersPerPage ?? 50, 'maxRendersPerPage');
    this.#renderTimeoutMs = positive(options.renderTimeoutMs ?? 30_000, 'renderTimeoutMs');
    this.#launchTimeoutMs = positive(options.launchTimeoutMs ?? 30_000, 'launchTimeoutMs');
    this.#closeTimeoutMs = positive(options.closeTimeoutMs ?? 5_000, 'closeTimeoutMs');
    this.#extraArgs = options.extraArgs ?? [];
    this.#permits = this.#poolSize;
  }

  async warmUp(): Promise<void> {
    const live = await this.#liveBrowser();
    const pages = await Promise.all(Array.from({ length: this.#poolSize }, () => this.#openPage(live)));
    this.#idle.push(...pages);
  }

  withPage<T>(work: (page: Page) => Promise<T>, options: WithPageOptions = {}): Promise<PooledResult<T>> {
    if (this.#closing) return Promise.reject(new BrowserPoolClosedError());
    const render = this.#render(work, options.timeoutMs ?? this.#renderTimeoutMs);
    return this.#track(render);
  }

  stats(): BrowserPoolStats {
    return { ...this.#stats };
  }

  browserPid(): number | null {
    return this.#live?.alive ? this.#live.pid : null;
  }

  close(): Promise<void> {
    this.#closing ??= this.#shutDown();
    return this.#closing;
  }

  async #render<T>(work: (page: Page) => Promise<T>, timeoutMs: number): Promise<PooledResult<T>> {
    await this.#acquirePermit();
    let slot: PooledPage | null = null;
    let reusable = false;
    try {
      slot = await this.#takePage();
      const blockedBefore = slot.blocked;
      const value = await this.#runWithDeadline(slot, work, timeoutMs);
      slot.renders += 1;
      reusable = slot.owner.alive;
      this.#stats.renders += 1;
      return { value, blockedRequests: slot.blocked - blockedBefore };
    } catch (error) {
      this.#stats.failedRenders += 1;
      throw this.#explain(error, slot);
    } finally {
      // Clean up after answering the caller: a recycle or a killed page costs the next render, not this one.
      const cleanup = slot ? this.#returnPage(slot, reusable) : Promise.resolve();
      void this.#track(cleanup.finally(() => this.#releasePermit()));
    }
  }

  async #runWithDeadline<T>(
    slot: PooledPage,
    work: (page: Page) => Promise<T>,
    timeoutMs: number,
  ): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    let onCrash: ((error: Error) => void) | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new RenderTimeoutError(timeoutMs)), timeoutMs);
    });
    const crash = new Promise<never>((_, reject) => {
      onCrash = reject;
      slot.owner.crashListeners.add(reject);
    });
    try {
      // The losing promise of the race may still reject later (e.g. page.pdf on a closed page);
      // race has already subscribed to it, so that rejection is handled.
      return await Promise.race([work(slot.page), deadline, crash]);
    } finally {
      clearTimeout(timer);
      if (onCrash) slot.owner.crashListeners.delete(onCrash);
    }
  }

  #explain(error: unknown, slot: PooledPage | null): Error {
    if (error instanceof RenderTimeoutError) {
      this.#stats.timedOutRenders += 1;
      return error;
    }
    if (error instanceof RenderError) return error;
    if (slot && (!slot.owner.alive || !slot.owner.browser.connected)) {
      return new BrowserCrashedError('Chromium exited during the render', { cause: error });
    }
    return new RenderError('Rendering failed', { cause: error });
  }

  async #takePage(): Promise<PooledPage> {
    const live = await this.#liveBrowser();
    for (let slot = this.#idle.pop(); slot; slot = this.#idle.pop()) {
      if (slot.owner === live && !slot.page.isClosed()) return slot;
      void this.#track(this.#disposePage(slot));
    }
    return this.#openPage(live);
  }

  async #openPage(live: LiveBrowser): Promise<PooledPage> {
    const context = await live.browser.createBrowserContext();
    try {
      const page = await context.newPage();
      const slot: PooledPage = { page, context, owner: live, renders: 0, blocked: 0 };
      // The pool's deadline is the only timeout; Puppeteer's own 30 s defaults would cut long renders short.
      page.setDefaultTimeout(0);
      page.setDefaultNavigationTimeout(0);
      await page.setJavaScriptEnabled(false);
      await page.setBypassServiceWorker(true);
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        // data: URLs carry their content and reach nothing (our fonts are data: URLs): let them load.
        if (request.url().startsWith('data:')) {
          request.continue().catch(ignoreClosedPage);
          return;
        }
        slot.blocked += 1;
        this.#stats.blockedRequests += 1;
        if (request.isNavigationRequest()) {
          // An aborted navigation (e.g. <meta http-equiv=refresh>) would replace the document with an
          // error page and print a blank PDF; "204 No Content" cancels it and keeps the document.
          request.respond({ status: 204, body: '' }).catch(ignoreClosedPage);
          return;
        }
        request.abort('blockedbyclient').catch(ignoreClosedPage);
      });
      this.#stats.pagesCreated += 1;
      return slot;
    } catch (error) {
      await context.close().catch(() => {});
      throw error;
    }
  }

  /** Back to the idle list, or closed when worn out, broken, or from a dead browser. Never throws. */
  async #returnPage(slot: PooledPage, reusable: boolean): Promise<void> {
    const current = this.#live === slot.owner && slot.owner.alive;
    if (reusable && current && !this.#closing && slot.renders < this.#maxRendersPerPage) {
      this.#idle.push(slot);
      return;
    }
    if (reusable && current) this.#stats.pagesRecycled += 1;
    await this.#disposePage(slot);
    if (current && slot.owner.alive && !this.#closing) {
      // Open the replacement now, while this render's permit is still held, so that the next render
      // finds a warm page instead of paying for a new context and page itself.
      const fresh = await this.#openPage(slot.owner).catch(() => null);
      if (fresh) this.#idle.push(fresh);
    }
  }

  async #disposePage(slot: PooledPage): Promise<void> {
    if (!slot.owner.alive) return;
    // Closing the context kills the page's renderer even if it is stuck in layout or printing.
    const closed = await withTimeout(slot.context.close(), this.#closeTimeoutMs);
    if (!closed && slot.owner.alive) {
      // The browser itself does not answer: kill it; the next render launches a fresh one.
      killProcessGroup(slot.owner.pid);
    }
  }

  #liveBrowser(): Promise<LiveBrowser> {
    if (this.#live?.alive) return Promise.resolve(this.#live);
    this.#launching ??= this.#launch().finally(() => {
      this.#launching = null;
    });
    return this.#launching;
  }

  async #launch(): Promise<LiveBrowser> {
    let browser: Browser;
    try {
      browser = await puppeteer.launch(
        chromiumLaunchOptions(this.#executablePath, this.#extraArgs, this.#launchTimeoutMs),
      );
    } catch (error) {
      throw new BrowserLaunchError(`Could not launch Chromium at ${this.#executablePath}`, { cause: error });
    }
    const live: LiveBrowser = {
      browser,
      pid: browser.process()?.pid ?? null,
      alive: true,
      closingOnPurpose: false,
      crashListeners: new Set(),
    };
    browser.once('disconnected', () => this.#onDisconnected(live));
    this.#stats.browserLaunches += 1;
    this.#live = live;
    // The blank tab Chromium opens at start-up would hold a renderer process (~90 MB) for nothing.
    for (const page of await browser.pages().catch(() => [])) await page.close().catch(() => {});
    if (this.#closing) {
      // close() was called while launching: do not leave this browser behind.
      await this.#closeBrowser(live);
      throw new BrowserPoolClosedError();
    }
    return live;
  }

  #onDisconnected(live: LiveBrowser): void {
    live.alive = false;
    if (this.#live === live) this.#live = null;
    if (!live.closingOnPurpose) {
      this.#stats.browserCrashes += 1;
      // A crashed browser can leave renderer or zygote processes behind: sweep its process group.
      killProcessGroup(live.pid);
    }
    this.#idle = this.#idle.filter((slot) => slot.owner !== live);
    const error = new BrowserCrashedError('Chromium exited or disconnected during the render');
    for (const listener of live.crashListeners) listener(error);
    live.crashListeners.clear();
  }

  async #closeBrowser(live: LiveBrowser): Promise<void> {
    live.closingOnPurpose = true;
    const closed = live.alive ? await withTimeout(live.browser.close(), this.#closeTimeoutMs) : true;
    // Even after a clean close the zygote and renderers exit a moment after the browser: give them
    // a second, then kill what is left, so nothing Chromium started outlives the pool.
    if (closed) await waitForProcessGroupExit(live.pid, 1_000);
    killProcessGroup(live.pid);
    // Killed processes may linger as zombies until init reaps them; they hold nothing, so wait briefly.
    await waitForProcessGroupExit(live.pid, Math.min(this.#closeTimeoutMs, 1_000));
  }

  async #shutDown(): Promise<void> {
    for (const waiter of this.#waiters.splice(0)) waiter.reject(new BrowserPoolClosedError());
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
    const launching = this.#launching?.catch(() => null);
    const live = this.#live ?? (await launching) ?? null;
    this.#idle = [];
    if (live) await this.#closeBrowser(live);
    this.#live = null;
  }

  #acquirePermit(): Promise<void> {
    if (this.#permits > 0) {
      this.#permits -= 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => this.#waiters.push({ resolve, reject }));
  }

  #releasePermit(): void {
    const next = this.#waiters.shift();
    if (next) next.resolve();
    else this.#permits += 1;
  }

  #track<T>(promise: Promise<T>): Promise<T> {
    this.#pending.add(promise);
    const forget = (): void => {
      this.#pending.delete(promise);
    };
    promise.then(forget, forget);
    return promise;
  }
}
