/**
 * Compiles the document templates once, in an isolated Handlebars environment with the safe options:
 * strict (a missing field is a bug, not a blank), knownHelpersOnly, explicitPartialContext, escaping
 * on. Templates are code from the repository; user data is only ever passed as context.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import type {
  ActionLogTemplateContext,
  AgendaTemplateContext,
  NotesTemplateContext,
} from './document-contexts.ts';
import { documentFonts } from './fonts.ts';
import { TEMPLATE_HELPERS } from './template-helpers.ts';

export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../../templates/', import.meta.url));

export interface TemplateEngine {
  notes(context: NotesTemplateContext): string;
  actionLog(context: ActionLogTemplateContext): string;
  agenda(context: AgendaTemplateContext): string;
}

const COMPILE_OPTIONS = {
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries(Object.keys(TEMPLATE_HELPERS).map((name) => [name, true])),
  explicitPartialContext: true,
  preventIndent: true,
} as const;

export function createTemplateEngine(templatesDir: string = DEFAULT_TEMPLATES_DIR): TemplateEngine {
  const hbs = Handlebars.create();
  hbs.registerHelper(TEMPLATE_HELPERS);

  // Static stylesheets are registered as function partials: inserted verbatim, never parsed as templates.
  const fonts = documentFonts();
  const printCss = readFileSync(path.join(templatesDir, 'styles', 'print.css'), 'utf8');
  hbs.registerPartial('font-faces', () => fonts.css);
  hbs.registerPartial('extra-font-faces', () => fonts.marker);
  hbs.registerPartial('print-css', () => printCss);

  // Handlebars compiles lazily on first render; precompiling here as well makes a template error
  // (syntax, unknown helper) fail at startup instead of on the first document someone asks for.
  const compile = <Context>(file: string): Handlebars.TemplateDelegate<Context> => {
    const source = readFileSync(file, 'utf8');
    hbs.precompile(source, COMPILE_OPTIONS);
    return hbs.compile<Context>(source, COMPILE_OPTIONS);
  };

  const partialsDir = path.join(templatesDir, 'partials');
  for (const file of readdirSync(partialsDir).filter((name) => name.endsWith('.hbs'))) {
    hbs.registerPartial(path.basename(file, '.hbs'), compile(path.join(partialsDir, file)));
  }

  const document = <Context>(name: string) => {
    const render = compile<Context>(path.join(templatesDir, `${name}.hbs`));
    return (context: Context) => fonts.complete(render(context));
  };

  return {
    notes: document<NotesTemplateContext>('notes'),
    actionLog: document<ActionLogTemplateContext>('action-log'),
    agenda: document<AgendaTemplateContext>('agenda'),
  };
}
