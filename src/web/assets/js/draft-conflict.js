/**
 * The panel shown when someone else saved the same notes or question while you were typing. It is
 * built with text nodes only (their words are never parsed as HTML) and offers two ways on:
 * keep both versions (a line merge), or take theirs.
 */

/**
 * @param {HTMLElement} slot where the panel goes
 * @param {{ what: string, theirs: string, level: 2 | 3, onMerge: () => void, onTheirs: () => void }} options
 */
export function showConflict(slot, { what, theirs, level, onMerge, onTheirs }) {
  const panel = document.createElement('div');
  panel.className = 'conflict';
  panel.setAttribute('role', 'alert');

  const heading = document.createElement(`h${level}`);
  heading.className = 'heading-s';
  heading.textContent = `Someone else changed ${what}`;
  const explain = document.createElement('p');
  explain.className = 'body';
  explain.textContent =
    'They saved a new version while you were typing. Nothing has been lost: your text is still below, ' +
    'and nothing more is saved until you choose.';

  const details = document.createElement('details');
  details.className = 'details';
  const summary = document.createElement('summary');
  summary.className = 'details__summary';
  summary.textContent = 'Their version';
  const text = document.createElement('pre');
  text.className = 'conflict__theirs';
  text.textContent = theirs || '(empty)';
  details.append(summary, text);

  const buttons = document.createElement('div');
  buttons.className = 'button-group';
  const merge = document.createElement('button');
  merge.type = 'button';
  merge.className = 'button';
  merge.textContent = 'Keep both versions';
  merge.dataset.conflictMerge = '';
  const take = document.createElement('button');
  take.type = 'button';
  take.className = 'button button--secondary';
  take.textContent = 'Use their version';
  take.dataset.conflictTheirs = '';
  buttons.append(merge, take);

  panel.append(heading, explain, details, buttons);
  slot.replaceChildren(panel);
  const finish = (/** @type {() => void} */ then) => () => {
    slot.replaceChildren();
    then();
  };
  merge.addEventListener('click', finish(onMerge));
  take.addEventListener('click', finish(onTheirs));
  return panel;
}

/** @param {HTMLElement} slot */
export function clearConflict(slot) {
  slot.replaceChildren();
}
