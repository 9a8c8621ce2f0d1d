/**
 * The only helpers templates may call (compiled with knownHelpersOnly). Each returns a plain string,
 * which Handlebars escapes: no helper can inject markup.
 */
import { formatLongDate, formatShortDate, formatTime } from '../../text/date-format.ts';
import { formatFileSize, formatPerson, pluralise } from '../../text/text-format.ts';
import type { Person } from './view-models.ts';

type Helper = (...args: unknown[]) => unknown;

function text(value: unknown, helper: string): string {
  if (typeof value !== 'string') throw new TypeError(`${helper}: expected a string, got ${typeof value}`);
  return value;
}

function count(value: unknown, helper: string): number {
  if (typeof value !== 'number') throw new TypeError(`${helper}: expected a number, got ${typeof value}`);
  return value;
}

function person(value: unknown): Person {
  if (typeof value !== 'object' || value === null || !('name' in value)) {
    throw new TypeError('person: expected a Person');
  }
  const { name, role, organisation } = value as Record<keyof Person, unknown>;
  return {
    name: text(name, 'person'),
    role: role === null ? null : text(role, 'person'),
    organisation: organisation === null ? null : text(organisation, 'person'),
  };
}

/**
 * Text for inside a CSS string in a <style> element: every character but ASCII letters, digits and
 * spaces becomes a hex escape ended by a space (which CSS consumes as part of the escape). The result
 * cannot end the string or the element, and holds nothing for Handlebars' HTML escaping to change
 * (which would otherwise print "&amp;" literally, <style> being raw text).
 */
export function cssStringText(value: string): string {
  return value.replace(/[^A-Za-z0-9 ]/gu, (char) => `\\${(char.codePointAt(0) ?? 0).toString(16)} `);
}

/** Handlebars passes its options object as the last argument; these helpers ignore it. */
export const TEMPLATE_HELPERS: Readonly<Record<string, Helper>> = {
  longDate: (value) => formatLongDate(text(value, 'longDate')),
  shortDate: (value) => formatShortDate(text(value, 'shortDate')),
  time: (value) => formatTime(text(value, 'time')),
  person: (value) => formatPerson(person(value)),
  plural: (n, singular, plural) =>
    pluralise(count(n, 'plural'), text(singular, 'plural'), text(plural, 'plural')),
  fileSize: (bytes) => formatFileSize(count(bytes, 'fileSize')),
  eq: (a, b) => a === b,
  cssText: (value) => cssStringText(text(value, 'cssText')),
};
