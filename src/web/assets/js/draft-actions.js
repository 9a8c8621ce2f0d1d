/**
 * Recording an ACTION from the drafting screen: a small form (owner organisation, due date already
 * suggested) under the current question or the item, sent once with an Idempotency-Key so a retry
 * never records it twice. Until it is recorded, what was typed is kept with the local draft.
 */
import { call } from './http.js';

/**
 * @typedef {{ key: string, questionKey: string | null, form: HTMLFormElement, list: HTMLElement }} PendingAction
 * @typedef {{ text: string, owner: string, due: string }} ActionValues
 */

/** Copies a <template>, giving its ids (written as __KEY__) this copy's key. */
export function cloneTemplate(/** @type {HTMLTemplateElement} */ template, /** @type {string} */ key) {
  const fragment = /** @type {DocumentFragment} */ (template.content.cloneNode(true));
  for (const el of fragment.querySelectorAll('*')) {
    for (const name of ['id', 'for', 'aria-describedby', 'data-question-id']) {
      const value = el.getAttribute(name);
      if (value?.includes('__KEY__')) el.setAttribute(name, value.replaceAll('__KEY__', key));
    }
  }
  return /** @type {HTMLElement} */ (fragment.firstElementChild);
}

/** @param {{ reference: string, text: string, owner: string, dueText: string, id: string }} action */
export function actionLine(action) {
  const li = document.createElement('li');
  li.className = 'action-line';
  li.id = `action-${action.id}`;
  const label = document.createElement('strong');
  label.className = 'action-line__label';
  label.textContent = 'ACTION';
  const ref = document.createElement('span');
  ref.className = 'action-line__ref';
  ref.textContent = action.reference;
  const text = document.createElement('span');
  text.className = 'action-line__text';
  text.textContent = action.text;
  const meta = document.createElement('span');
  meta.className = 'action-line__meta';
  meta.textContent = `Owner: ${action.owner} · Due: ${action.dueText}`;
  li.append(label, ' ', ref, ' ', text, meta);
  return li;
}

/**
 * @param {{
 *   api: string, itemId: string, template: HTMLTemplateElement,
 *   questionIdOf: (key: string) => Promise<string | null>,
 *   onChange: () => void, onRecorded: () => void, announce: (message: string) => void,
 * }} ctx
 */
export function createActionForms(ctx) {
  /** @type {Map<string, PendingAction>} */
  const pending = new Map();

  /** @param {PendingAction} entry @returns {ActionValues} */
  const valuesOf = (entry) => {
    const field = (/** @type {string} */ name) =>
      /** @type {HTMLInputElement} */ (entry.form.querySelector(`[data-field="${name}"]`));
    return { text: field('text').value, owner: field('owner').value, due: field('due').value };
  };

  /** @param {PendingAction} entry @param {string} message @param {string} focus */
  const fail = (entry, message, focus) => {
    const error = /** @type {HTMLElement} */ (entry.form.querySelector('[data-error]'));
    error.textContent = message;
    error.hidden = false;
    /** @type {HTMLElement | null} */ (entry.form.querySelector(`[data-field="${focus}"]`))?.focus();
  };

  /** @param {PendingAction} entry */
  const remove = (entry) => {
    pending.delete(entry.key);
    entry.form.remove();
  };

  /** @param {PendingAction} entry */
  const record = async (entry) => {
    const values = valuesOf(entry);
    if (!values.text.trim()) return fail(entry, 'Enter what the action is', 'text');
    if (!values.owner) return fail(entry, 'Choose the organisation that owns the action', 'owner');
    const questionId = entry.questionKey ? await ctx.questionIdOf(entry.questionKey) : null;
    if (entry.questionKey && !questionId) {
      return fail(entry, 'Type the question first: the action is recorded under it.', 'text');
    }
    const button = /** @type {HTMLButtonElement} */ (entry.form.querySelector('button[type="submit"]'));
    button.disabled = true;
    const res = await call('POST', `${ctx.api}/items/${ctx.itemId}/actions`, {
      body: {
        text: values.text.trim(),
        ownerOrganisationId: values.owner,
        dueDate: values.due || null,
        questionId,
      },
      key: entry.key,
    });
    button.disabled = false;
    if (!res.ok) {
      const message =
        res.status === 0
          ? 'You are offline. The action is kept on this device: record it again when the connection returns.'
          : (res.data?.detail ?? 'The action could not be recorded.');
      return fail(entry, message, 'text');
    }
    entry.list.append(actionLine(res.data));
    remove(entry);
    ctx.onChange();
    ctx.onRecorded();
    ctx.announce(`Action ${res.data.reference} recorded.`);
  };

  /**
   * @param {{ host: HTMLElement, list: HTMLElement, questionKey: string | null, key?: string, values?: ActionValues, focus?: boolean }} options
   */
  const add = ({ host, list, questionKey, key = `action-${crypto.randomUUID()}`, values, focus = true }) => {
    const form = /** @type {HTMLFormElement} */ (cloneTemplate(ctx.template, key));
    host.append(form);
    /** @type {PendingAction} */
    const entry = { key, questionKey, form, list };
    pending.set(key, entry);
    if (values) {
      for (const [name, value] of Object.entries(values)) {
        const el = /** @type {HTMLInputElement} */ (form.querySelector(`[data-field="${name}"]`));
        if (el) el.value = value;
      }
    }
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void record(entry);
    });
    form.querySelector('[data-cancel]')?.addEventListener('click', () => {
      remove(entry);
      ctx.onChange();
    });
    if (focus) /** @type {HTMLElement} */ (form.querySelector('[data-field="text"]')).focus();
    return entry;
  };

  return { add, pending, valuesOf };
}
