/**
 * Loaded on every page. Marks the page as scripted (so .js-hidden fallbacks hide), moves focus to
 * an error summary so it is read out first, and turns person pickers into type-ahead boxes.
 */
import { enhanceAll } from './combobox.js';

document.documentElement.classList.replace('no-js', 'js');

const summary = document.querySelector('[data-error-summary]');
if (summary instanceof HTMLElement) summary.focus();

enhanceAll(document);

// Links in an error summary move focus to the field, not only the scroll position.
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('.error-summary a[href^="#"]') : null;
  if (!link) return;
  const field = document.getElementById(link.getAttribute('href')?.slice(1) ?? '');
  if (field) {
    event.preventDefault();
    field.focus();
  }
});

/**
 * Choosing a person fills in the fields the directory knows (role, organisation), unless someone
 * has typed in them: <select data-fills="id1 id2"> with options carrying data-fill-id1="…".
 */
for (const select of document.querySelectorAll('select[data-fills]')) {
  const targets = (select.getAttribute('data-fills') ?? '')
    .split(/\s+/)
    .map((id) => document.getElementById(id))
    .filter((el) => el instanceof HTMLInputElement);
  for (const input of targets) input.addEventListener('input', () => input.removeAttribute('data-filled'));
  select.addEventListener('change', () => {
    const option = /** @type {HTMLSelectElement} */ (select).selectedOptions[0];
    for (const input of targets) {
      if (input.value !== '' && !input.hasAttribute('data-filled')) continue;
      input.value = option?.getAttribute(`data-fill-${input.id}`) ?? '';
      input.setAttribute('data-filled', '');
    }
    // Tells the server the fields were shown filled in: an empty one now means "print none".
    const flag = select.closest('form')?.querySelector('[data-filled-flag]');
    if (flag instanceof HTMLInputElement) flag.value = 'yes';
  });
}
