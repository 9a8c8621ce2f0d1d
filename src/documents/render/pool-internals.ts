/**
 * Why this file exists: the browser pool's own bookkeeping types and its process and timing helpers,
 * kept apart from the pool (browser-pool.ts) so that file reads as the pool's policy alone.
 */
import type { Browser, BrowserContext, Page } from 'puppeteer-core';

export interface LiveBrowser {
  browser: Browser;
  pid: number | null;
  alive: boolean;
  closingOnPurpose: boolean;
  /** Renders in flight on this browser, told when it disconnects. */
  crashListeners: Set<(error: Error) => void>;
}

export interface PooledPage {
  page: Page;
  context: BrowserContext;
  owner: LiveBrowser;
  renders: number;
  blocked: number;
}

export interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
}

/** A request settled after its page closed: nothing left to allow or block. */
export function ignoreClosedPage(): void {}

export function positive(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer`);
  return value;
}

/** Resolves true if the promise settled in time (fulfilled or not), false on timeout. */
export async function withTimeout(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const settled = promise.then(
    () => true,
    () => true,
  );
  const expired = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([settled, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** Puppeteer starts Chromium as a process-group leader (detached), so -pid reaches all its children. */
export function killProcessGroup(pid: number | null): void {
  if (pid === null) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // ESRCH: the group is already gone.
  }
}

export async function waitForProcessGroupExit(pid: number | null, timeoutMs: number): Promise<void> {
  if (pid === null) return;
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      process.kill(-pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
