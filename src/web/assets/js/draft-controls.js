/**
 * Move up / Move down / Delete under each saved question, as the page prints them without JavaScript
 * (no Move up on the first, no Move down on the last), kept so when the script adds a question: it
 * gets them as soon as it is saved, and the question that was last gains its Move down. They are
 * copies of the page's #question-controls-template, the same partial the server prints.
 */

/**
 * @param {HTMLElement} list the question list
 * @param {HTMLTemplateElement | null} template absent when the notes are frozen (no controls then)
 * @param {(block: HTMLElement) => string | null} savedId the question's id once it is saved, else null
 */
export function syncQuestionControls(list, template, savedId) {
  if (!template) return;
  const saved = [...list.querySelectorAll(':scope > .question-block')]
    .map((block) => ({
      block: /** @type {HTMLElement} */ (block),
      id: savedId(/** @type {HTMLElement} */ (block)),
    }))
    .filter((q) => q.id);
  saved.forEach(({ block, id }, n) => {
    const first = n === 0;
    const last = n === saved.length - 1;
    const current = block.querySelector(':scope > [data-question-controls]');
    const has = (/** @type {string} */ direction) => !!current?.querySelector(`[data-move="${direction}"]`);
    if (current && has('up') === !first && has('down') === !last) return;
    const label = block.querySelector('[data-question-label]')?.textContent?.trim() ?? 'Question';
    const fresh = controlsFrom(template, /** @type {string} */ (id), label, first, last);
    if (!current) {
      block.append(fresh);
      return;
    }
    const focused = current.contains(document.activeElement) ? document.activeElement : null;
    current.replaceWith(fresh);
    // The keyboard stays on the same control (or on Delete, if that one went).
    if (focused) {
      const move = focused.getAttribute('data-move');
      const again = (move && fresh.querySelector(`[data-move="${move}"]`)) || fresh.querySelector('a');
      if (again instanceof HTMLElement) again.focus();
    }
  });
}

/**
 * @param {HTMLTemplateElement} template @param {string} id @param {string} label
 * @param {boolean} first @param {boolean} last
 */
function controlsFrom(template, id, label, first, last) {
  const fragment = /** @type {DocumentFragment} */ (template.content.cloneNode(true));
  const controls = /** @type {HTMLElement} */ (fragment.querySelector('[data-question-controls]'));
  for (const el of controls.querySelectorAll('[action], [href]')) {
    for (const name of ['action', 'href']) {
      const value = el.getAttribute(name);
      if (value?.includes('__QID__')) el.setAttribute(name, value.replaceAll('__QID__', id));
    }
  }
  for (const span of controls.querySelectorAll('.visually-hidden')) span.textContent = ` ${label}`;
  if (first) controls.querySelector('[data-move="up"]')?.closest('form')?.remove();
  if (last) controls.querySelector('[data-move="down"]')?.closest('form')?.remove();
  return controls;
}
