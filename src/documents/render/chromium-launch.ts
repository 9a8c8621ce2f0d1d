/**
 * How Boardroom starts Chromium, shared by the pool and the benchmark so both measure the same browser.
 */
import type { LaunchOptions } from 'puppeteer-core';

const BASE_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
  // Nothing here uses a GPU or the network: run both services inside the browser process rather than
  // as two more processes (~140 MB less resident memory on a 2-core box).
  '--in-process-gpu',
  '--enable-features=NetworkServiceInProcess2',
  // Same glyph metrics on every machine, so the same document breaks into the same pages.
  '--font-render-hinting=none',
];

export function chromiumLaunchOptions(
  executablePath: string,
  extraArgs: readonly string[] = [],
  timeoutMs = 30_000,
): LaunchOptions {
  // The setuid sandbox cannot start as root (containers, CI); elsewhere keep it.
  const sandbox = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  return {
    executablePath,
    // chromium-headless-shell only has the old headless mode; full Chromium only the new one.
    headless: executablePath.includes('headless-shell') ? 'shell' : true,
    // A pipe, not a WebSocket: Chromium exits by itself if Node dies without closing it.
    pipe: true,
    args: [...BASE_ARGS, ...sandbox, ...extraArgs],
    timeout: timeoutMs,
    // Shutdown is the app's job (finish in-flight renders, then close the pool), not Puppeteer's.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  };
}
