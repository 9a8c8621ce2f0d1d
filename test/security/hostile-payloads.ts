/**
 * The named hostile payloads of test/security/hostile-render.test.ts. Each is sent as it is into
 * every free-text and rich-text field that reaches a document. `rich` says what the rich-text
 * sanitiser (src/rich-text/sanitize.ts) leaves visible of it: the text a reader sees, or `removed`
 * when nothing is left. In plain-text fields every payload prints literally (escaped), except those
 * marked `refused`, which the API answers with 400 in every field.
 */

export interface HostilePayload {
  name: string;
  input: string;
  rich: string | 'removed';
  /** Refused with 400 in every field, plain and rich (the API or the database will not store it). */
  refused?: true;
  /** What a PDF reader extracts when it differs from the input (bidi overrides print reordered). */
  pdfText?: string;
  /** The sanitiser drops everything after it in the field (an unclosed `<style>` swallows the rest). */
  richEatsRest?: true;
}

/**
 * `canary` is `http://127.0.0.1:PORT` of a listener the test counts requests on. Anything that
 * fetches, navigates, pings or runs script points there (scripts `fetch()` it), so "no request
 * reached the canary" covers "no script ran" too.
 */
export function hostilePayloads(canary: string): HostilePayload[] {
  const c = (path: string) => `${canary}/${path}`;
  const relative = canary.replace(/^http:/, '');
  const list: HostilePayload[] = [
    {
      name: 'script tag',
      input: `<script>fetch('${c('script')}');document.title='PWNED-script'</script>`,
      rich: 'removed',
    },
    { name: 'script src', input: `<script src="${c('script-src')}"></script>`, rich: 'removed' },
    {
      name: 'mixed-case script',
      input: `<ScRiPt>fetch('${c('mixed-case')}');document.title='PWNED-case'</sCrIpT>`,
      rich: 'removed',
    },
    { name: 'img onerror', input: `<img src=x onerror="fetch('${c('onerror')}')">`, rich: 'removed' },
    { name: 'svg onload', input: `<svg onload="fetch('${c('svg-onload')}')"></svg>`, rich: 'removed' },
    {
      name: 'event handler on an allowed tag',
      input: `<p onmouseover="fetch('${c('onmouseover')}')">Hover text</p>`,
      rich: 'Hover text',
    },
    {
      name: 'body onload',
      input: `<body onload="fetch('${c('body-onload')}')">Body text</body>`,
      rich: 'Body text',
    },
    { name: 'img src', input: `<img src="${c('img')}" alt="">`, rich: 'removed' },
    { name: 'img srcset', input: `<img srcset="${c('srcset')} 1x, ${c('srcset2')} 2x">`, rich: 'removed' },
    { name: 'iframe', input: `<iframe src="${c('iframe')}"></iframe>`, rich: 'removed' },
    {
      name: 'iframe srcdoc',
      input: `<iframe srcdoc="<script>fetch('${c('srcdoc')}')</script>"></iframe>`,
      rich: 'removed',
    },
    { name: 'link stylesheet', input: `<link rel="stylesheet" href="${c('link')}">`, rich: 'removed' },
    { name: 'link prefetch', input: `<link rel="prefetch" href="${c('prefetch')}">`, rich: 'removed' },
    {
      name: 'svg image',
      input: `<svg><image href="${c('svg-image')}" width="9" height="9"/></svg>`,
      rich: 'removed',
    },
    { name: 'object', input: `<object data="${c('object')}"></object>`, rich: 'removed' },
    { name: 'embed', input: `<embed src="${c('embed')}">`, rich: 'removed' },
    {
      name: 'video',
      input: `<video poster="${c('poster')}" src="${c('video')}" autoplay></video>`,
      rich: 'removed',
    },
    { name: 'audio', input: `<audio src="${c('audio')}" autoplay></audio>`, rich: 'removed' },
    {
      name: 'source and track',
      input: `<video><source src="${c('source')}"><track src="${c('track')}"></video>`,
      rich: 'removed',
    },
    {
      name: 'base href',
      input: `<base href="${c('base/')}"><a href="relative-page">Relative link</a>`,
      rich: 'Relative link',
    },
    {
      name: 'form and image input',
      input: `<form action="${c('form')}"><input type="image" src="${c('input')}" alt="go"></form>`,
      rich: 'removed',
    },
    {
      name: 'CSS url() in a style attribute',
      input: `<p style="background:url(${c('style-url')})">Styled text</p>`,
      rich: 'Styled text',
    },
    { name: 'CSS @import', input: `<style>@import url("${c('css-import')}");</style>`, rich: 'removed' },
    {
      name: 'CSS image-set()',
      input: `<div style="background-image:image-set('${c('image-set')}' 1x)">Image set text</div>`,
      rich: 'Image set text',
    },
    {
      name: '@font-face src',
      input: `<style>@font-face{font-family:X;src:url(${c('font')})}</style>`,
      rich: 'removed',
    },
    { name: 'file:// link', input: '<a href="file:///etc/passwd">Password file</a>', rich: 'Password file' },
    { name: 'file:// image', input: '<img src="file:///etc/passwd">', rich: 'removed' },
    {
      name: 'cloud metadata address',
      input:
        '<img src="http://169.254.169.254/latest/meta-data/"><a href="http://169.254.169.254/latest/meta-data/">Cloud metadata</a>',
      rich: 'Cloud metadata',
    },
    {
      name: 'canary link',
      input: `<a href="${c('anchor')}" ping="${c('ping')}">Canary link</a>`,
      rich: 'Canary link',
    },
    { name: 'protocol-relative image', input: `<img src="${relative}/protocol-relative">`, rich: 'removed' },
    {
      name: 'protocol-relative link',
      input: `<a href="${relative}/protocol-relative-link">Protocol-relative link</a>`,
      rich: 'Protocol-relative link',
    },
    {
      name: 'meta refresh',
      input: `<meta http-equiv="refresh" content="0;url=${c('refresh')}">`,
      rich: 'removed',
    },
    {
      name: 'javascript: URL',
      input: `<a href="javascript:fetch('${c('js-url')}')">JS link</a>`,
      rich: 'JS link',
    },
    {
      name: 'data: URL',
      input: `<a href="data:text/html,&lt;script&gt;fetch('${c('data-url')}')&lt;/script&gt;">Data link</a>`,
      rich: 'Data link',
    },
    {
      name: 'data: object',
      input:
        '<object data="data:text/html;base64,PHNjcmlwdD5kb2N1bWVudC50aXRsZT0nUFdORUQnPC9zY3JpcHQ+"></object>',
      rich: 'removed',
    },
    {
      name: 'SVG xlink:href',
      input: `<svg><a xlink:href="javascript:fetch('${c('xlink')}')"><text>XLink text</text></a></svg>`,
      rich: 'XLink text',
    },
    {
      name: 'SVG foreignObject',
      input: `<svg><foreignObject><iframe src="${c('foreign')}"></iframe></foreignObject></svg>`,
      rich: 'removed',
    },
    {
      name: 'MathML mutation',
      input: `<math><mtext><table><mglyph><style><img src=x onerror=fetch('${c('mathml')}')>`,
      rich: 'removed',
      richEatsRest: true,
    },
    {
      name: 'entity-obfuscated javascript:',
      input: `<a href="jav&#x09;ascript:fetch('${c('entity')}')">Entity link</a>`,
      rich: 'Entity link',
    },
    {
      name: 'decimal-entity javascript:',
      input:
        '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">Decimal link</a>',
      rich: 'Decimal link',
    },
    { name: 'noscript', input: `<noscript><img src="${c('noscript')}"></noscript>`, rich: 'removed' },
    { name: 'template', input: `<template><img src="${c('template')}"></template>`, rich: 'removed' },
    {
      name: 'Handlebars {{constructor}}',
      input: '{{constructor}} {{constructor.constructor}}',
      rich: '{{constructor}} {{constructor.constructor}}',
    },
    {
      name: 'Handlebars {{#each this}}',
      input: '{{#each this}}{{@key}}={{this}}{{/each}}',
      rich: '{{#each this}}{{@key}}={{this}}{{/each}}',
    },
    {
      name: 'Handlebars {{{raw}}} and partial',
      input: '{{{raw}}} {{> notes}} {{lookup . "constructor"}}',
      rich: '{{{raw}}} {{> notes}} {{lookup . "constructor"}}',
    },
    {
      name: '__proto__',
      input: '__proto__ {"__proto__":{"polluted":true}} constructor.prototype',
      rich: '__proto__ {"__proto__":{"polluted":true}} constructor.prototype',
    },
    {
      name: 'closing tags then script',
      input: `</p></li></td><script>fetch('${c('close-p')}')</script><p>`,
      rich: 'removed',
    },
    // Refused: printed, the override would make the reader see "Invoice exe.pdf".
    {
      name: 'unicode bidi override',
      input: 'Invoice \u202Efdp.exe\u202C received',
      rich: 'removed',
      refused: true,
    },
    { name: 'unicode bidi isolate', input: 'Name \u2067ecnaniF\u2069 here', rich: 'removed', refused: true },
    // Every field refuses control characters, rich bodies included (PostgreSQL could not store NUL anyway).
    { name: 'NUL byte', input: 'NUL\u0000byte', rich: 'removed', refused: true },
    {
      name: 'very long word',
      input: 'Pneumonoultramicroscopic'.repeat(7),
      rich: 'Pneumonoultramicroscopic'.repeat(7),
    },
  ];
  const tooLong = list.filter((p) => p.input.length > 190).map((p) => p.name);
  // Every payload fits every field, prefix included (the shortest limit is 200 characters).
  if (tooLong.length) throw new Error(`payloads over 190 characters: ${tooLong.join(', ')}`);
  return list;
}
