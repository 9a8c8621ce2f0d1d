/**
 * The web page engine: every template under templates/web is compiled once, at start-up, in an
 * isolated Handlebars environment with the safe options (strict, knownHelpersOnly,
 * explicitPartialContext, escaping on). Templates are code from the repository; user data only
 * ever arrives as context, and is escaped unless a template prints HTML that was sanitised on the
 * way in with {{{ }}}.
 *
 * Layout of templates/web:
 *   layout.hbs                 the page chrome (header, nav, main landmark, footer); other layout-*.hbs allowed
 *   partials/<name>.hbs        shared partials, used as {{> name key=value}}
 *   <area>/partials/<name>.hbs partials of one area, used as {{> <area>/name key=value}}
 *   <area>/<page>.hbs          pages, rendered by name: "staff/meeting", "public/home"
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { webHelpers } from './view-helpers.ts';

export const WEB_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/web/', import.meta.url));

export interface NavItem {
  href: string;
  text: string;
  current: boolean;
}

export interface Crumb {
  href: string;
  text: string;
}

/** Everything the layout prints around a page. Every field must be present (strict mode). */
export interface LayoutContext {
  /** The page's own title; the layout appends the service name. */
  title: string;
  serviceName: string;
  serviceHref: string;
  /** Header navigation (the public site passes its own). */
  nav: NavItem[];
  /** The signed-in user, shown with a sign-out button; null on public and login pages. */
  user: { displayName: string; roleLabel: string } | null;
  /** For the sign-out form and the <meta name="csrf-token"> that scripts send back. */
  csrfToken: string | null;
  breadcrumbs: Crumb[];
  /** Full-width main column (the drafting screen); otherwise a readable measure. */
  wide: boolean;
  /** Asset names of ES modules to load, e.g. "js/draft.js". */
  scripts: string[];
  /** Which layout file: "layout" unless a page asks for another. */
  layout: string;
}

export interface ViewEngine {
  /** A page rendered inside its layout. `context` must define every field the template reads. */
  render(page: string, context: Record<string, unknown>, layout: LayoutContext): string;
  /** A partial on its own (for fragments returned to scripts). */
  fragment(partial: string, context: Record<string, unknown>): string;
  has(page: string): boolean;
}

const COMPILE_OPTIONS = {
  strict: true,
  knownHelpersOnly: true,
  explicitPartialContext: true,
  preventIndent: true,
} as const;

function listTemplates(dir: string, base = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(dir, base), { withFileTypes: true })) {
    const rel = base ? `${base}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listTemplates(dir, rel));
    else if (entry.name.endsWith('.hbs')) out.push(rel);
  }
  return out.sort();
}

/** "partials/tag.hbs" → "tag"; "public/partials/card.hbs" → "public/card"; pages and layouts → null. */
export function partialName(rel: string): string | null {
  const match = /^(?:(.+)\/)?partials\/(.+)\.hbs$/.exec(rel);
  if (!match) return null;
  return match[1] ? `${match[1]}/${match[2]}` : match[2]!;
}

export function createViewEngine(opts: {
  assetUrl: (name: string) => string;
  templatesDir?: string;
}): ViewEngine {
  const dir = opts.templatesDir ?? WEB_TEMPLATES_DIR;
  const hbs = Handlebars.create();
  const helpers = webHelpers(opts.assetUrl);
  hbs.registerHelper(helpers);
  const options = {
    ...COMPILE_OPTIONS,
    knownHelpers: Object.fromEntries(Object.keys(helpers).map((name) => [name, true])),
  };

  // Precompiling as well makes a template error fail at start-up, not on the first request.
  const compile = (rel: string) => {
    const source = readFileSync(path.join(dir, rel), 'utf8');
    hbs.precompile(source, options);
    return hbs.compile<Record<string, unknown>>(source, options);
  };

  const pages = new Map<string, Handlebars.TemplateDelegate<Record<string, unknown>>>();
  const partials = new Map<string, Handlebars.TemplateDelegate<Record<string, unknown>>>();
  for (const rel of listTemplates(dir)) {
    const partial = partialName(rel);
    const template = compile(rel);
    if (partial) {
      partials.set(partial, template);
      hbs.registerPartial(partial, template);
    } else {
      pages.set(rel.replace(/\.hbs$/, ''), template);
    }
  }

  const page = (name: string) => {
    const template = pages.get(name);
    if (!template) throw new Error(`No web template "${name}"`);
    return template;
  };

  return {
    render(name, context, layout) {
      const content = page(name)({ ...context, csrfToken: layout.csrfToken });
      return page(layout.layout)({ ...layout, content: new Handlebars.SafeString(content) });
    },
    fragment(name, context) {
      const template = partials.get(name);
      if (!template) throw new Error(`No web partial "${name}"`);
      return template(context);
    },
    has: (name) => pages.has(name),
  };
}
