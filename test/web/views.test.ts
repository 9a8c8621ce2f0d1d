import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAssets } from '../../src/web/assets.ts';
import { scriptJson } from '../../src/web/view-helpers.ts';
import { createViewEngine, type LayoutContext, partialName } from '../../src/web/views.ts';

function templates(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'boardroom-web-views-'));
  for (const [name, source] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), source);
  }
  return dir;
}

const layout: LayoutContext = {
  title: 'T',
  serviceName: 'Boardroom',
  serviceHref: '/',
  nav: [],
  user: null,
  csrfToken: 'token',
  breadcrumbs: [],
  wide: false,
  scripts: [],
  layout: 'layout',
};

const assetUrl = (name: string) => `/assets/${name}`;

describe('the web page engine', () => {
  it('compiles every template of the real site at start-up', () => {
    const assets = loadAssets();
    const engine = createViewEngine({ assetUrl: assets.url });
    for (const page of [
      'login',
      'error',
      'staff/draft',
      'staff/meeting',
      'staff/action',
      'staff/my-actions',
    ]) {
      expect(engine.has(page), page).toBe(true);
    }
  });

  it('escapes what it is given and puts pages in the layout', () => {
    const dir = templates({
      'layout.hbs': '<title>{{title}}</title><main>{{content}}</main>',
      'area/page.hbs': '<p>{{name}}</p>{{> card text=name}}{{> area/badge}}',
      'partials/card.hbs': '<div>{{text}}</div>',
      'area/partials/badge.hbs': '<b>badge</b>',
    });
    const engine = createViewEngine({ assetUrl, templatesDir: dir });
    const html = engine.render(
      'area/page',
      { name: '<script>alert(1)</script>' },
      { ...layout, title: '"x"' },
    );
    expect(html).toBe(
      '<title>&quot;x&quot;</title><main><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>' +
        '<div>&lt;script&gt;alert(1)&lt;/script&gt;</div><b>badge</b></main>',
    );
  });

  it('refuses a missing field rather than printing a blank (strict)', () => {
    const dir = templates({ 'layout.hbs': '{{content}}', 'page.hbs': '{{missing}}' });
    const engine = createViewEngine({ assetUrl, templatesDir: dir });
    expect(() => engine.render('page', {}, layout)).toThrow(/missing/);
  });

  it('fails at start-up on a helper it does not know (knownHelpersOnly)', () => {
    const dir = templates({ 'layout.hbs': '{{content}}', 'page.hbs': '{{lookupSecrets x}}' });
    expect(() => createViewEngine({ assetUrl, templatesDir: dir })).toThrow();
  });

  it('gives partials no context they are not handed (explicitPartialContext)', () => {
    const dir = templates({
      'layout.hbs': '{{content}}',
      'page.hbs': '{{> leak other="x"}}',
      'partials/leak.hbs': '[{{#if secret}}{{secret}}{{/if}}]',
    });
    const engine = createViewEngine({ assetUrl, templatesDir: dir });
    expect(engine.render('page', { secret: 'password' }, layout)).toBe('[]');
  });

  it('writes JSON for a script element that cannot close it', () => {
    expect(scriptJson({ text: '</script><script>alert(1)</script>' })).not.toContain('</script>');
    expect(JSON.parse(scriptJson({ text: '</script>' }))).toEqual({ text: '</script>' });
  });

  it('names partials by their folder', () => {
    expect(partialName('partials/tag.hbs')).toBe('tag');
    expect(partialName('public/partials/card.hbs')).toBe('public/card');
    expect(partialName('staff/draft.hbs')).toBeNull();
  });
});
