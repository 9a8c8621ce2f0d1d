/**
 * Shared set-up for tests that drive a real Chromium: which binary, and a check that nothing it
 * started is left running.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { debianChromiumPath, isChromiumFlavour } from '../../src/documents/render/chromium-executable.ts';

/** BOARDROOM_CHROMIUM=chromium runs the suite against full Chromium instead of chromium-headless-shell. */
export function testChromiumPath(): string {
  const flavour = process.env.BOARDROOM_CHROMIUM ?? 'headless-shell';
  if (!isChromiumFlavour(flavour)) throw new Error('BOARDROOM_CHROMIUM must be headless-shell or chromium');
  return debianChromiumPath(flavour);
}

interface ProcessEntry {
  pid: number;
  ppid: number;
  pgrp: number;
  state: string;
  command: string;
}

function processTable(): ProcessEntry[] {
  const entries: ProcessEntry[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // comm may contain spaces and parentheses: split after the last ')'.
      const close = stat.lastIndexOf(')');
      const [state = '', ppid = '0', pgrp = '0'] = stat.slice(close + 2).split(' ');
      entries.push({
        pid: Number(name),
        ppid: Number(ppid),
        pgrp: Number(pgrp),
        state,
        command: stat.slice(stat.indexOf('(') + 1, close),
      });
    } catch {
      // The process exited while we were reading.
    }
  }
  return entries;
}

/**
 * Live (non-zombie) Chromium processes that are ours: descendants of this test process, or members of
 * a browser's process group (children orphaned by a killed browser are re-parented to init).
 */
export function liveChromiumProcesses(browserPids: readonly number[] = []): ProcessEntry[] {
  const table = processTable();
  const ours = new Set([process.pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const entry of table) {
      if (!ours.has(entry.pid) && ours.has(entry.ppid)) {
        ours.add(entry.pid);
        grew = true;
      }
    }
  }
  const groups = new Set(browserPids);
  return table.filter(
    (entry) =>
      entry.pid !== process.pid &&
      entry.state !== 'Z' &&
      entry.command.startsWith('chrom') &&
      (ours.has(entry.pid) || groups.has(entry.pgrp)),
  );
}
