/**
 * Reading HTML form posts and showing their errors the GOV.UK way: an error summary at the top
 * linking to each field, and the message beside the field.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, BadRequest } from '../core/errors.ts';

export type FormBody = Record<string, unknown>;

export interface FormErrors {
  /** For the error summary: links to the fields. */
  list: { href: string; text: string }[];
  /** Field name → message, for the message beside each field. */
  byField: Record<string, string>;
}

export const NO_ERRORS: FormErrors = { list: [], byField: {} };

export function formBody(request: FastifyRequest): FormBody {
  const body = request.body;
  return body && typeof body === 'object' ? (body as FormBody) : {};
}

/** A single text value ('' when absent); repeated fields give their first value. */
export function field(body: FormBody, name: string): string {
  const value = body[name];
  if (Array.isArray(value)) return typeof value[0] === 'string' ? value[0] : '';
  return typeof value === 'string' ? value : '';
}

/** The version a form was rendered with (a hidden field), or -1 when it is not one: a stale form, 412. */
export function formVersion(body: FormBody, name = 'version'): number {
  const value = field(body, name);
  return /^\d{1,9}$/.test(value) ? Number(value) : -1;
}

/** A field that must hold an id (a uuid), or null when it does not: absent, empty, or anything else. */
export function idField(body: FormBody, name: string): string | null {
  const value = field(body, name);
  return z.uuid().safeParse(value).success ? value : null;
}

/** Every value of a repeated field (checkboxes). */
export function fields(body: FormBody, name: string): string[] {
  const value = body[name];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

export function formErrors(entries: [string, string][], idPrefix = ''): FormErrors {
  const byField: Record<string, string> = {};
  for (const [name, message] of entries) byField[name] ??= message;
  return {
    list: Object.entries(byField).map(([name, text]) => ({ href: `#${idPrefix}${name}`, text })),
    byField,
  };
}

/** Zod issues as form errors, with readable messages per field where given. */
export function zodFormErrors(
  error: z.ZodError,
  messages: Record<string, string> = {},
  idPrefix = '',
): FormErrors {
  return formErrors(
    error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'form');
      return [name, messages[name] ?? issue.message];
    }),
    idPrefix,
  );
}

/**
 * A service's refusal as form errors: its field paths (body.x) point at the field; anything else
 * (409 after a deadline, 412 on a stale form) is shown against `fallbackField`.
 */
export function serviceFormErrors(err: unknown, fallbackField: string, idPrefix = ''): FormErrors | null {
  if (!(err instanceof AppError) || err.status === 401 || err.status === 403 || err.status >= 500)
    return null;
  if (err instanceof BadRequest && err.errors.length) {
    return formErrors(
      err.errors.map((e) => [e.path.replace(/^body\./, '').split('.')[0]!, err.message]),
      idPrefix,
    );
  }
  return formErrors([[fallbackField, err.message]], idPrefix);
}
