/**
 * `reply.page(template, context, meta)`: renders a page in the layout with the signed-in user, a
 * CSRF token and the web Content-Security-Policy, and sends it. Every web route (staff and public)
 * answers through it.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../core/principal.ts';
import type { Role } from '../db/schema.ts';
import { csrfToken } from './csrf.ts';
import type { Crumb, LayoutContext, NavItem, ViewEngine } from './views.ts';

export interface PageMeta {
  title: string;
  status?: number;
  nav?: NavItem[];
  breadcrumbs?: Crumb[];
  wide?: boolean;
  /** Asset names of page scripts (ES modules), e.g. "js/draft.js". */
  scripts?: string[];
  layout?: string;
  serviceName?: string;
  serviceHref?: string;
  /** Default: no-store for signed-in pages, no-cache otherwise. */
  cacheControl?: string;
  /**
   * False on anonymous pages without forms (the public site): no CSRF token, so no cookie is set
   * and the page can be cached. Ignored for signed-in people, who always get one (sign-out form).
   */
  csrf?: boolean;
}

declare module 'fastify' {
  interface FastifyReply {
    page(template: string, context: Record<string, unknown>, meta: PageMeta): FastifyReply;
  }
}

export const SERVICE_NAME = 'Boardroom';

const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  secretariat: 'Secretariat',
  officer: 'Officer',
  member: 'Board member',
};

export function roleLabel(actor: NonNullable<Actor>): string {
  return actor.roles.map((r) => ROLE_LABELS[r]).join(', ') || 'No role';
}

/**
 * Pages load only what they ship: scripts, styles, fonts, frames (the notes preview) and API calls
 * from this origin. No inline script or style, no plugins, forms post only here.
 */
export function pageCsp(production: boolean): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    ...(production ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

export function makePageRenderer(views: ViewEngine, production: boolean) {
  const csp = pageCsp(production);
  return function page(
    this: FastifyReply,
    template: string,
    context: Record<string, unknown>,
    meta: PageMeta,
  ): FastifyReply {
    const request: FastifyRequest = this.request;
    const actor = request.actor;
    const layout: LayoutContext = {
      title: meta.title,
      serviceName: meta.serviceName ?? SERVICE_NAME,
      serviceHref: meta.serviceHref ?? (actor ? '/staff' : '/'),
      nav: meta.nav ?? [],
      user: actor ? { displayName: actor.displayName, roleLabel: roleLabel(actor) } : null,
      csrfToken: meta.csrf === false && !actor ? null : csrfToken(request, this),
      breadcrumbs: meta.breadcrumbs ?? [],
      wide: meta.wide ?? false,
      scripts: meta.scripts ?? [],
      layout: meta.layout ?? 'layout',
    };
    const html = views.render(template, context, layout);
    return this.code(meta.status ?? 200)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', meta.cacheControl ?? (actor ? 'no-store' : 'no-cache'))
      .header('content-security-policy', csp)
      .send(html);
  };
}
