/**
 * Forms and links on the drafting screen that lead to another page (move or delete a question):
 * what is typed is saved first, then the form goes on as it would without JavaScript.
 */

/** @param {HTMLElement} root @param {() => Promise<unknown>} save */
export function saveBeforeLeaving(root, save) {
  let leaving = false;
  /** @param {Event} event @param {() => void} go */
  const leave = (event, go) => {
    event.preventDefault();
    if (leaving) return;
    leaving = true;
    void save().finally(go);
  };
  root.addEventListener('submit', (event) => {
    const form = event.target;
    if (form instanceof HTMLFormElement && form.hasAttribute('data-save-first'))
      leave(event, () => form.submit());
  });
  root.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[data-save-first]') : null;
    if (!(link instanceof HTMLAnchorElement) || event.ctrlKey || event.metaKey || event.shiftKey) return;
    leave(event, () => {
      window.location.href = link.href;
    });
  });
}

/** After a move, the keyboard stays on the button that was pressed, in the question's new place. */
export function focusMovedQuestion() {
  const params = new URLSearchParams(window.location.search);
  const moved = /^question-moved-(up|down)$/.exec(params.get('notice') ?? '');
  const block = window.location.hash ? document.getElementById(window.location.hash.slice(1)) : null;
  if (!moved || !block) return;
  const button = block.querySelector(`[data-move="${moved[1]}"]`) ?? block.querySelector('[data-move]');
  if (!(button instanceof HTMLElement)) return;
  // After the browser has scrolled to the #question: going to a fragment moves the focus start point.
  const focus = () => setTimeout(() => button.focus(), 0);
  if (document.readyState === 'complete') focus();
  else window.addEventListener('load', focus, { once: true });
}
