/**
 * Turns a <select data-combobox> into a text box that finds people as you type part of a name (the
 * ARIA 1.2 combobox with a list). The select stays in the form, hidden, and holds the value, so the
 * form posts the same thing with or without JavaScript. Enter or Tab takes the highlighted match.
 */

let counter = 0;

/** @param {string} text */
function words(text) {
  return text.toLowerCase().split(/\s+/).filter(Boolean);
}

/** @param {HTMLSelectElement} select */
export function enhanceSelect(select) {
  if (select.dataset.enhanced === 'true') return;
  select.dataset.enhanced = 'true';
  counter += 1;
  const options = [...select.options]
    .filter((o) => o.value !== '')
    .map((o) => ({ value: o.value, label: (o.textContent ?? '').trim() }));
  const id = select.id;
  const label = document.querySelector(`label[for="${id}"]`);
  select.id = `${id}-select`;
  select.hidden = true;
  select.tabIndex = -1;

  const wrapper = document.createElement('div');
  wrapper.className = 'combobox';
  const input = document.createElement('input');
  input.type = 'text';
  input.id = id;
  input.className = 'input';
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.disabled = select.disabled;
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  const listId = `combobox-list-${counter}`;
  input.setAttribute('aria-controls', listId);
  const describedBy = select.getAttribute('aria-describedby');
  if (describedBy) input.setAttribute('aria-describedby', describedBy);
  const list = document.createElement('ul');
  list.id = listId;
  list.className = 'combobox__listbox';
  list.setAttribute('role', 'listbox');
  if (label) list.setAttribute('aria-label', label.textContent?.trim() ?? '');
  list.hidden = true;
  wrapper.append(input, list);
  select.before(wrapper);

  /** @type {{ value: string, label: string }[]} */
  let matches = [];
  let active = -1;

  const selectedLabel = () => options.find((o) => o.value === select.value)?.label ?? '';
  input.value = selectedLabel();

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const highlight = (index) => {
    active = index;
    for (const [i, li] of [...list.children].entries()) li.setAttribute('aria-selected', String(i === index));
    const current = list.children[index];
    if (current) {
      input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  const open = () => {
    const wanted = words(input.value);
    matches = options.filter((o) => wanted.every((w) => o.label.toLowerCase().includes(w))).slice(0, 50);
    list.replaceChildren(
      ...matches.map((m, i) => {
        const li = document.createElement('li');
        li.id = `${listId}-${i}`;
        li.className = 'combobox__option';
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.textContent = m.label;
        li.addEventListener('mousedown', (event) => {
          event.preventDefault();
          choose(m);
        });
        return li;
      }),
    );
    list.hidden = matches.length === 0;
    input.setAttribute('aria-expanded', String(matches.length > 0));
    highlight(matches.length ? 0 : -1);
  };

  /** @param {{ value: string, label: string } | null} option */
  const choose = (option) => {
    const value = option?.value ?? '';
    input.value = option?.label ?? '';
    close();
    if (select.value !== value) {
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }
  };

  input.addEventListener('input', open);
  input.addEventListener('keydown', (event) => {
    const expanded = !list.hidden;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!expanded) open();
      else highlight(Math.min(active + 1, matches.length - 1));
    } else if (event.key === 'ArrowUp' && expanded) {
      event.preventDefault();
      highlight(Math.max(active - 1, 0));
    } else if (event.key === 'Enter' && expanded && active >= 0) {
      event.preventDefault();
      choose(matches[active]);
    } else if (event.key === 'Tab' && expanded && active >= 0) {
      choose(matches[active]);
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      close();
    }
  });
  input.addEventListener('blur', () => {
    close();
    const text = input.value.trim();
    if (text === '') return choose(null);
    if (text === selectedLabel()) return;
    const wanted = words(text);
    const found = options.filter((o) => wanted.every((w) => o.label.toLowerCase().includes(w)));
    // One match: take it. Otherwise go back to what was chosen, rather than guess.
    if (found.length === 1) choose(found[0]);
    else input.value = selectedLabel();
  });
  // Someone (a restored draft, a merge) set the select: show it.
  select.addEventListener('change', () => {
    if (document.activeElement !== input) input.value = selectedLabel();
  });
  return input;
}

/** @param {ParentNode} root */
export function enhanceAll(root = document) {
  for (const select of root.querySelectorAll('select[data-combobox]')) {
    enhanceSelect(/** @type {HTMLSelectElement} */ (select));
  }
}
