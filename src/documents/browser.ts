/**
 * The browser pool as this module uses it: launched on the first render (an API process that never
 * renders never starts Chromium, and tests of other modules do not pay for it), with listeners told
 * when a render starts (metrics, and the fault-injection tests that kill Chromium mid-render).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import {
  type BrowserPool,
  type BrowserPoolOptions,
  type BrowserPoolStats,
  createBrowserPool,
  type PooledResult,
  type WithPageOptions,
} from './render/browser-pool.ts';
import { type ChromiumFlavour, debianChromiumPath } from './render/chromium-executable.ts';
import { BrowserPoolClosedError } from './render/render-errors.ts';

/**
 * Debian's /usr/bin/chromium* are shell wrappers that do not exec: Puppeteer would launch `sh`, and
 * crash detection and killing by pid would act on the wrong process (see chromium-executable.ts).
 * A configured wrapper is replaced by the real binary it runs.
 */
const DEBIAN_WRAPPERS: Readonly<Record<string, ChromiumFlavour>> = {
  '/usr/bin/chromium-headless-shell': 'headless-shell',
  '/usr/bin/chromium': 'chromium',
  '/usr/bin/chromium-browser': 'chromium',
};

export function resolveChromiumExecutable(configured: string): string {
  const flavour = DEBIAN_WRAPPERS[path.resolve(configured)];
  return flavour && isShellScript(configured) ? debianChromiumPath(flavour) : configured;
}

function isShellScript(file: string): boolean {
  try {
    return existsSync(file) && readFileSync(file).subarray(0, 2).toString('latin1') === '#!';
  } catch {
    return false;
  }
}

const EMPTY_STATS: BrowserPoolStats = {
  browserLaunches: 0,
  browserCrashes: 0,
  renders: 0,
  failedRenders: 0,
  timedOutRenders: 0,
  pagesCreated: 0,
  pagesRecycled: 0,
  blockedRequests: 0,
};

export interface ObservedBrowserPool extends BrowserPool {
  /** Called synchronously as each render asks for a page; returns an unsubscribe function. */
  onRenderStart(listener: () => void): () => void;
}

export function createLazyBrowserPool(options: BrowserPoolOptions): ObservedBrowserPool {
  let pool: BrowserPool | null = null;
  let starting: Promise<BrowserPool> | null = null;
  let closed = false;
  const listeners = new Set<() => void>();

  const ensure = (): Promise<BrowserPool> => {
    if (pool) return Promise.resolve(pool);
    starting ??= createBrowserPool(options).then(
      (created) => {
        pool = created;
        return created;
      },
      (error: unknown) => {
        starting = null;
        throw error;
      },
    );
    return starting;
  };

  return {
    async withPage<T>(work: (page: Page) => Promise<T>, opts?: WithPageOptions): Promise<PooledResult<T>> {
      if (closed) throw new BrowserPoolClosedError();
      const ready = await ensure();
      for (const listener of listeners) listener();
      return ready.withPage(work, opts);
    },
    stats: () => pool?.stats() ?? { ...EMPTY_STATS },
    browserPid: () => pool?.browserPid() ?? null,
    onRenderStart(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      const current = pool ?? (await starting?.catch(() => null)) ?? null;
      await current?.close();
    },
  };
}
