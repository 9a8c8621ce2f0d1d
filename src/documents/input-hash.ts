/**
 * The identity of a rendered document: SHA-256 of the canonical JSON of its view model and of the
 * template version. Same data and same templates: same hash, and the stored PDF is served instead of
 * rendering again. Any change to the data, the templates, the stylesheet or the render code: new hash.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RenderedDocumentKind } from '../db/schema.ts';
import { londonCalendarDate } from '../text/date-format.ts';
import { DEFAULT_TEMPLATES_DIR } from './render/templates.ts';
import type { ActionLogViewModel, AgendaViewModel, NotesViewModel } from './render/view-models.ts';

export type DocumentInput =
  | { kind: 'notes'; vm: NotesViewModel }
  | { kind: 'agenda'; vm: AgendaViewModel }
  /** `filtered`: asked for with any filter; such logs are cached in memory, never stored (service.ts). */
  | { kind: 'action-log'; vm: ActionLogViewModel; filtered?: boolean };

/** JSON with object keys sorted at every level, so equal values always give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}

const WEB_TEMPLATES_DIR = path.join(DEFAULT_TEMPLATES_DIR, 'web') + path.sep;
const RENDER_CODE_DIR = fileURLToPath(new URL('./render/', import.meta.url));
/** Date and text formatting the documents print with (shared with the web pages). */
const TEXT_CODE_DIR = fileURLToPath(new URL('../text/', import.meta.url));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

let cachedVersion: string | null = null;

/** Hash of everything that shapes the output besides the data: templates, stylesheet, render and formatting code. */
export function templateVersion(): string {
  if (cachedVersion) return cachedVersion;
  const hash = createHash('sha256');
  for (const [label, dir] of [
    ['templates', DEFAULT_TEMPLATES_DIR],
    ['render', RENDER_CODE_DIR],
    ['text', TEXT_CODE_DIR],
  ] as const) {
    // The web pages' templates live under templates/web/ and do not shape documents.
    for (const file of filesUnder(dir).filter((f) => !f.startsWith(WEB_TEMPLATES_DIR))) {
      hash.update(`${label}/${path.relative(dir, file)}\0`);
      hash.update(readFileSync(file));
      hash.update('\0');
    }
  }
  cachedVersion = hash.digest('hex').slice(0, 16);
  return cachedVersion;
}

/**
 * The action log carries the time it was generated; only its London date (on which "overdue"
 * depends) is part of the identity, so a log asked for twice in a day with no change is rendered once.
 */
function identity(input: DocumentInput): unknown {
  if (input.kind !== 'action-log') return input.vm;
  return { ...input.vm, generatedAt: londonCalendarDate(input.vm.generatedAt) };
}

export function documentInputHash(input: DocumentInput, version: string = templateVersion()): string {
  const kind: RenderedDocumentKind = input.kind;
  return createHash('sha256')
    .update(canonicalJson({ kind, templateVersion: version, input: identity(input) }))
    .digest('hex');
}
