/**
 * The live drafting screen. What is typed into the item's notes and its questions is:
 *  - kept on this device at once (draft-store.js), so a dropped connection or a closed tab loses nothing;
 *  - saved every few seconds with If-Match, so it never overwrites someone else's newer version;
 *  - on a clash (412), or when polling sees someone else's change under unsaved text, shown side by
 *    side with theirs until the person keeps both (merge) or takes theirs.
 * Keyboard: Alt+Q question, Alt+B answer bullet, Alt+A action, Alt+S save, Alt+N / Alt+P next/previous item.
 */
import { enhanceSelect } from './combobox.js';
import { cloneTemplate, createActionForms } from './draft-actions.js';
import { showConflict } from './draft-conflict.js';
import { syncQuestionControls } from './draft-controls.js';
import { focusMovedQuestion, saveBeforeLeaving } from './draft-leave.js';
import { mergeText } from './draft-merge.js';
import { startPresence } from './draft-presence.js';
import { loadDraft, saveDraft } from './draft-store.js';
import { call, etag } from './http.js';

const SAVE_EVERY_MS = 3000;
const POLL_EVERY_MS = 10000;

const data = JSON.parse(document.getElementById('draft-data')?.textContent ?? '{}');
const statusEl = /** @type {HTMLElement} */ (document.getElementById('save-status'));
const itemText = /** @type {HTMLTextAreaElement} */ (document.getElementById('item-text'));
const questionList = /** @type {HTMLElement} */ (document.getElementById('question-list'));
const questionTemplate = /** @type {HTMLTemplateElement} */ (document.getElementById('question-template'));
const api = data.api;
const itemId = data.itemId;

/**
 * @typedef {{ asker: string, text: string, answer: string }} QuestionValues
 * @typedef {{ key: string, id: string | null, version: number, base: QuestionValues, el: HTMLElement,
 *   fields: { asker: HTMLSelectElement, text: HTMLTextAreaElement, answer: HTMLTextAreaElement },
 *   conflict: boolean }} DraftQuestion
 */

const item = { id: itemId, version: data.item.version, base: data.item.text, conflict: false };
/** @type {Map<string, DraftQuestion>} */
const questions = new Map();
const flags = {
  saving: false,
  offline: false,
  signedOut: false,
  locked: /** @type {string | null} */ (data.locked ?? null),
};
let lastSaved = /** @type {Date | null} */ (null);
let unknownQuestions = false;

// --- status ------------------------------------------------------------------------------------

const saveTime = document.createElement('span');
saveTime.className = 'hint-inline';
statusEl.after(saveTime);
const announcer = document.createElement('p');
announcer.className = 'visually-hidden';
announcer.setAttribute('aria-live', 'polite');
document.body.append(announcer);

/** @param {string} message */
function announce(message) {
  announcer.textContent = '';
  setTimeout(() => {
    announcer.textContent = message;
  }, 50);
}

/** @param {DraftQuestion} q @returns {QuestionValues} */
function valuesOf(q) {
  return { asker: q.fields.asker.value, text: q.fields.text.value, answer: q.fields.answer.value };
}

const itemDirty = () => itemText.value !== item.base;

/** @param {DraftQuestion} q */
function questionDirty(q) {
  const v = valuesOf(q);
  if (!q.id) return v.text.trim() !== '' || v.answer.trim() !== '';
  return v.asker !== q.base.asker || v.text !== q.base.text || v.answer !== q.base.answer;
}

function anyDirty() {
  return itemDirty() || [...questions.values()].some(questionDirty);
}

function render() {
  const conflict = item.conflict || [...questions.values()].some((q) => q.conflict);
  /** @type {[string, string]} */
  const [state, text] = flags.locked
    ? ['locked', flags.locked]
    : conflict
      ? ['conflict', 'Conflict: someone else changed this item. Nothing is lost: choose below how to go on.']
      : flags.signedOut
        ? ['signed-out', 'Signed out: sign in again in another tab. Your changes are kept on this device.']
        : flags.offline
          ? [
              'offline',
              'Offline: your changes are kept on this device and will be saved when the connection returns.',
            ]
          : anyDirty() || flags.saving
            ? ['unsaved', 'Unsaved changes']
            : ['saved', 'Saved'];
  if (statusEl.dataset.state !== state) {
    statusEl.dataset.state = state;
    statusEl.textContent = text;
  }
  saveTime.textContent =
    state === 'saved' && lastSaved
      ? `at ${lastSaved.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' })}`
      : '';
}

// --- the local copy ----------------------------------------------------------------------------

function persist() {
  const draft = {
    item:
      itemDirty() || item.conflict ? { version: item.version, base: item.base, text: itemText.value } : null,
    questions: [...questions.values()]
      .filter((q) => questionDirty(q) || q.conflict)
      .map((q) => ({ key: q.key, id: q.id, version: q.version, base: q.base, value: valuesOf(q) })),
    actions: [...actionForms.pending.values()]
      .map((a) => ({ key: a.key, questionKey: a.questionKey, value: actionForms.valuesOf(a) }))
      .filter((a) => a.value.text.trim() !== ''),
  };
  const empty = !draft.item && !draft.questions.length && !draft.actions.length;
  saveDraft(itemId, empty ? null : draft);
}

let persistTimer = 0;
function changed() {
  clearTimeout(persistTimer);
  persistTimer = window.setTimeout(persist, 250);
  render();
}

// --- questions ---------------------------------------------------------------------------------

/** @param {HTMLElement} el @param {{ key: string, id: string | null, version: number, base: QuestionValues }} init */
function registerQuestion(el, init) {
  const field = (/** @type {string} */ name) => el.querySelector(`[data-field="${name}"]`);
  /** @type {DraftQuestion} */
  const q = {
    ...init,
    el,
    conflict: false,
    fields: {
      asker: /** @type {HTMLSelectElement} */ (field('asker')),
      text: /** @type {HTMLTextAreaElement} */ (field('text')),
      answer: /** @type {HTMLTextAreaElement} */ (field('answer')),
    },
  };
  el.dataset.key = init.key;
  // The form is the no-JavaScript way to save; here the screen saves by itself.
  el.querySelector('form')?.addEventListener('submit', (event) => {
    event.preventDefault();
    void flush();
  });
  questions.set(init.key, q);
  return q;
}

/** @param {{ key?: string, values?: QuestionValues, focus?: boolean }} [options] */
function addQuestion({ key = `question-${crypto.randomUUID()}`, values, focus = true } = {}) {
  const el = cloneTemplate(questionTemplate, key);
  questionList.append(el);
  const q = registerQuestion(el, { key, id: null, version: 0, base: { asker: '', text: '', answer: '' } });
  if (values) setValues(q, values);
  const picker = enhanceSelect(q.fields.asker);
  if (focus) picker?.focus();
  changed();
  return q;
}

/** @param {DraftQuestion} q @param {QuestionValues} values */
function setValues(q, values) {
  q.fields.text.value = values.text;
  q.fields.answer.value = values.answer;
  if (q.fields.asker.value !== values.asker) {
    q.fields.asker.value = values.asker;
    q.fields.asker.dispatchEvent(new Event('change', { bubbles: true }));
  }
}

/** @param {DraftQuestion} q @param {any} saved @param {QuestionValues} sent */
function adopt(q, saved, sent) {
  const wasNew = !q.id;
  q.id = saved.id;
  q.version = saved.version;
  q.base = sent;
  if (wasNew) {
    q.el.dataset.questionId = saved.id;
    q.el.id = `question-${saved.id}`;
    const label = q.el.querySelector('[data-question-label]');
    // As the page prints it: by number, else by its place under the item.
    const place = [...questionList.querySelectorAll(':scope > .question-block')].indexOf(q.el) + 1;
    if (label)
      label.textContent = saved.number
        ? `Question ${saved.number}`
        : `Question ${place} (raised in discussion)`;
    syncControls();
  }
}

const controlsTemplate = /** @type {HTMLTemplateElement | null} */ (
  document.getElementById('question-controls-template')
);

/** Move up / Move down / Delete on every saved question, as after a reload. */
function syncControls() {
  syncQuestionControls(
    questionList,
    controlsTemplate,
    (block) => questions.get(block.dataset.key ?? '')?.id ?? null,
  );
}

/** @param {string} key */
async function questionIdOf(key) {
  const q = questions.get(key);
  if (!q) return null;
  // A save already under way may have started before the question had its text: go round twice.
  if (!q.id) await flush();
  if (!q.id) await flush();
  return q.id;
}

// --- saving ------------------------------------------------------------------------------------

let lastProblem = '';

/**
 * A session that ran out (unused too long, or too old) sends the person to sign in, with why and
 * the way back here; what is typed stays on this device and comes back after signing in.
 * @param {{ status: number, ended?: string | null }} res
 */
function sessionRanOut(res) {
  if (res.status !== 401 || (res.ended !== 'idle' && res.ended !== 'expired')) return;
  persist();
  const next = encodeURIComponent(window.location.pathname + window.location.search);
  window.location.assign(`/login?next=${next}&notice=${res.ended}`);
}

/** Failures common to every save; returns false. @param {{ status: number, data: any }} res */
function failed(res) {
  const detail = String(res.data?.detail ?? 'A change could not be saved.');
  if (res.status === 0) flags.offline = true;
  else if (res.status === 401) {
    flags.signedOut = true;
    sessionRanOut(res);
  }
  // Approved or published notes are frozen (the publication workflow): stop saving, say why.
  else if (res.status === 409 && /cannot be changed/.test(detail)) flags.locked = detail;
  // Anything else (a clash of numbers, a refused value) is said once; the change stays to retry.
  else if (detail !== lastProblem) announce(detail);
  lastProblem = detail;
  return false;
}

/** @param {boolean} keepalive */
async function saveItem(keepalive) {
  const text = itemText.value;
  const res = await call('PATCH', `${api}/items/${item.id}`, {
    body: { text },
    ifMatch: etag(item.id, item.version),
    keepalive,
  });
  if (res.ok) {
    item.version = res.data.version;
    item.base = text;
    return true;
  }
  if (res.status === 412) return conflictOnItem();
  return failed(res);
}

/** @param {DraftQuestion} q @param {boolean} keepalive */
async function saveQuestion(q, keepalive) {
  const sent = valuesOf(q);
  // A question is only worth saving once it says something: the service requires its text.
  if (!sent.text.trim()) return false;
  const body = { askedByPersonId: sent.asker || null, text: sent.text, answer: sent.answer };
  const res = q.id
    ? await call('PATCH', `${api}/questions/${q.id}`, { body, ifMatch: etag(q.id, q.version), keepalive })
    : await call('POST', `${api}/items/${itemId}/questions`, { body, key: q.key, keepalive });
  if (res.ok) {
    adopt(q, res.data, sent);
    return true;
  }
  if (res.status === 412) return conflictOnQuestion(q);
  return failed(res);
}

let flushing = /** @type {Promise<void> | null} */ (null);

/** Saves whatever is unsaved; one run at a time. */
function flush({ keepalive = false } = {}) {
  flushing ??= (async () => {
    if (flags.locked) return;
    flags.saving = true;
    let saved = false;
    try {
      let ok = true;
      if (!item.conflict && itemDirty()) {
        const done = await saveItem(keepalive);
        saved ||= done;
        ok &&= done;
      }
      for (const q of [...questions.values()]) {
        if (q.conflict || !questionDirty(q)) continue;
        const done = await saveQuestion(q, keepalive);
        saved ||= done;
        // A new question without text yet is waiting for its text, not failing.
        ok &&= done || !q.fields.text.value.trim();
      }
      if (ok && saved) {
        flags.offline = false;
        flags.signedOut = false;
        lastSaved = new Date();
      }
    } finally {
      flags.saving = false;
      persist();
      render();
      if (saved) refreshPreview();
    }
  })().finally(() => {
    flushing = null;
  });
  return flushing;
}

// --- someone else's changes --------------------------------------------------------------------

/** @param {boolean} [background] true when polling (not something the person did) */
async function serverState(background = false) {
  const res = await call('GET', `${api}/items/${itemId}/draft`, { background });
  if (!res.ok) {
    if (res.status === 0) flags.offline = true;
    if (res.status === 401) {
      flags.signedOut = true;
      sessionRanOut(res);
    }
    return null;
  }
  flags.offline = false;
  flags.signedOut = false;
  return res.data;
}

const itemConflictSlot = /** @type {HTMLElement} */ (document.getElementById('item-conflict'));

/**
 * Someone saved the item since this page read it. Where they saved word for word what is typed
 * here (another tab of the same person, or this page's last save as it closed), that is simply
 * saved; otherwise the person chooses. True when nothing is left to choose.
 * @param {{ text: string, version: number } | null} [known] their version, if already fetched
 * @returns {Promise<boolean>}
 */
async function conflictOnItem(known) {
  const theirs = known ?? (await serverState())?.item;
  if (!theirs) return false;
  if (theirs.text === itemText.value) {
    item.base = theirs.text;
    item.version = theirs.version;
    item.conflict = false;
    persist();
    return true;
  }
  item.conflict = true;
  render();
  showConflict(itemConflictSlot, {
    what: 'the notes of this item',
    level: 2,
    theirs: theirs.text,
    onMerge: () => {
      itemText.value = mergeText(item.base, itemText.value, theirs.text);
      resolveItem(theirs);
      announce('Both versions kept. Check the notes; they will be saved in a moment.');
    },
    onTheirs: () => {
      itemText.value = theirs.text;
      resolveItem(theirs);
    },
  });
  return false;
}

/** @param {{ text: string, version: number }} theirs */
function resolveItem(theirs) {
  item.base = theirs.text;
  item.version = theirs.version;
  item.conflict = false;
  itemText.focus();
  changed();
}

/** @param {any} saved */
const serverValues = (saved) => ({
  asker: saved.askedByPersonId ?? '',
  text: saved.text,
  answer: saved.answer,
});

/**
 * As conflictOnItem, for a question: the same words saved elsewhere are saved.
 * @param {DraftQuestion} q @param {any} [known] @returns {Promise<boolean>}
 */
async function conflictOnQuestion(q, known) {
  const theirs = known ?? (await serverState())?.questions.find((/** @type {any} */ s) => s.id === q.id);
  if (!theirs) return false;
  const their = serverValues(theirs);
  const mine = valuesOf(q);
  if (their.asker === mine.asker && their.text === mine.text && their.answer === mine.answer) {
    q.base = their;
    q.version = theirs.version;
    q.conflict = false;
    persist();
    return true;
  }
  q.conflict = true;
  render();
  const slot = /** @type {HTMLElement} */ (q.el.querySelector('[data-conflict-slot]'));
  showConflict(slot, {
    what: 'this question',
    level: 3,
    theirs: `${their.text}\n\n${their.answer}`,
    onMerge: () => {
      const mine = valuesOf(q);
      setValues(q, {
        asker: mine.asker !== q.base.asker ? mine.asker : their.asker,
        text: mergeText(q.base.text, mine.text, their.text),
        answer: mergeText(q.base.answer, mine.answer, their.answer),
      });
      resolveQuestion(q, theirs);
    },
    onTheirs: () => {
      setValues(q, their);
      resolveQuestion(q, theirs);
    },
  });
  return false;
}

/** @param {DraftQuestion} q @param {any} theirs */
function resolveQuestion(q, theirs) {
  q.base = serverValues(theirs);
  q.version = theirs.version;
  q.conflict = false;
  q.fields.text.focus();
  changed();
}

/** Brings in other people's saved changes where nothing is typed over them; warns where something is. */
async function poll() {
  if (flushing || document.hidden || flags.locked) return;
  const state = await serverState(true);
  render();
  if (!state) return;
  if (state.item.version !== item.version && !item.conflict) {
    if (!itemDirty()) {
      itemText.value = state.item.text;
      item.base = state.item.text;
      item.version = state.item.version;
      announce('The notes were updated with a change someone else saved.');
      refreshPreview();
    } else await conflictOnItem(state.item);
  }
  // Questions someone else deleted or moved: the page shows an old list until it is reloaded.
  const known = [...questions.values()].filter((q) => q.id).map((q) => q.id);
  const still = state.questions
    .map((/** @type {any} */ s) => s.id)
    .filter((/** @type {string} */ id) => known.includes(id));
  if (still.join() !== known.join()) unknownQuestions = true;
  for (const theirs of state.questions) {
    const q = [...questions.values()].find((candidate) => candidate.id === theirs.id);
    if (!q) {
      unknownQuestions = true;
      continue;
    }
    if (theirs.version === q.version || q.conflict) continue;
    if (!questionDirty(q)) {
      setValues(q, serverValues(theirs));
      q.base = serverValues(theirs);
      q.version = theirs.version;
    } else await conflictOnQuestion(q, theirs);
  }
  const notice = document.getElementById('others-notice');
  if (unknownQuestions && notice) notice.hidden = false;
  render();
}

// --- restore what this device kept -------------------------------------------------------------

function restore() {
  const saved = loadDraft(itemId);
  if (!saved) return;
  let restored = false;
  if (saved.item && saved.item.text !== itemText.value) {
    restored = true;
    if (saved.item.version === item.version) itemText.value = saved.item.text;
    else {
      const theirs = { text: item.base, version: item.version };
      item.base = saved.item.base;
      itemText.value = saved.item.text;
      void conflictOnItem(theirs);
    }
  }
  for (const kept of saved.questions ?? []) {
    const q = kept.id ? [...questions.values()].find((candidate) => candidate.id === kept.id) : null;
    restored = true;
    if (!q) {
      addQuestion({
        key: kept.id ? `question-${crypto.randomUUID()}` : kept.key,
        values: kept.value,
        focus: false,
      });
      continue;
    }
    if (kept.version === q.version) setValues(q, kept.value);
    else {
      const theirs = {
        id: q.id,
        version: q.version,
        text: q.base.text,
        answer: q.base.answer,
        askedByPersonId: q.base.asker || null,
      };
      q.base = kept.base;
      setValues(q, kept.value);
      void conflictOnQuestion(q, theirs);
    }
  }
  for (const kept of saved.actions ?? []) {
    restored = true;
    openActionForm(kept.questionKey ? questions.get(kept.questionKey) : undefined, {
      key: kept.key,
      values: kept.value,
      focus: false,
    });
  }
  if (restored) announce('Changes you had not saved were restored from this device.');
}

// --- actions, attendance, preview, keys ---------------------------------------------------------

const actionForms = createActionForms({
  api,
  itemId,
  template: /** @type {HTMLTemplateElement} */ (document.getElementById('action-form-template')),
  questionIdOf,
  onChange: changed,
  onRecorded: refreshPreview,
  announce,
});

/** @param {DraftQuestion | undefined} q @param {{ key?: string, values?: any, focus?: boolean }} [options] */
function openActionForm(q, options = {}) {
  const host = q ? q.el : /** @type {HTMLElement} */ (document.getElementById('item-action-slot'));
  const list = /** @type {HTMLElement} */ (
    q ? q.el.querySelector('[data-action-list]') : document.getElementById('item-actions')
  );
  actionForms.add({ host, list, questionKey: q?.key ?? null, ...options });
  changed();
}

/** The question the cursor is in, else the last one. */
function currentQuestion() {
  const el = document.activeElement?.closest('.question-block');
  const key = el instanceof HTMLElement ? el.dataset.key : undefined;
  return key ? questions.get(key) : [...questions.values()].at(-1);
}

function newBullet() {
  const q = currentQuestion() ?? addQuestion({ focus: false });
  const answer = q.fields.answer;
  answer.focus();
  if (answer.value !== '' && !answer.value.endsWith('\n')) answer.value += '\n';
  answer.setSelectionRange(answer.value.length, answer.value.length);
  changed();
}

for (const box of document.querySelectorAll('[data-attendance-id]')) {
  box.addEventListener('change', async () => {
    const input = /** @type {HTMLInputElement} */ (box);
    const status = input.checked ? 'present' : input.dataset.apologies === 'yes' ? 'apologies' : 'absent';
    const res = await call('PUT', `${api}/attendance/${input.dataset.attendanceId}`, { body: { status } });
    if (res.ok) {
      announce(
        `${input.labels?.[0]?.textContent?.trim().split(' (')[0] ?? 'Attendance'}: ${input.checked ? 'present' : 'not present'}.`,
      );
      lastSaved = new Date();
      refreshPreview();
    } else {
      input.checked = !input.checked;
      failed(res);
      render();
    }
  });
}

const preview = /** @type {HTMLElement} */ (document.getElementById('preview'));
const previewToggle = /** @type {HTMLButtonElement} */ (document.getElementById('preview-toggle'));
const frame = /** @type {HTMLIFrameElement} */ (preview.querySelector('iframe'));
let previewTimer = 0;

function refreshPreview() {
  if (preview.hidden) return;
  clearTimeout(previewTimer);
  previewTimer = window.setTimeout(() => {
    frame.src = `${frame.dataset.src}?t=${Date.now()}`;
  }, 800);
}

/** @param {boolean} show */
function setPreview(show) {
  preview.hidden = !show;
  document.getElementById('draft')?.classList.toggle('draft--preview', show);
  previewToggle.setAttribute('aria-expanded', String(show));
  previewToggle.textContent = show ? 'Hide preview' : 'Show preview';
  localStorage.setItem('boardroom:preview', show ? 'on' : 'off');
  if (show) frame.src = `${frame.dataset.src}?t=${Date.now()}`;
}

previewToggle.hidden = false;
document.getElementById('preview-link')?.setAttribute('hidden', '');
previewToggle.addEventListener('click', () => setPreview(preview.hidden));

document.addEventListener('keydown', (event) => {
  if (!event.altKey || event.ctrlKey || event.metaKey) return;
  const actions = {
    KeyQ: () => addQuestion(),
    KeyB: newBullet,
    KeyA: () =>
      openActionForm(document.activeElement?.closest('.question-block') ? currentQuestion() : undefined),
    KeyS: () => void flush(),
    KeyN: () => go('next'),
    KeyP: () => go('prev'),
  };
  const run = actions[/** @type {keyof typeof actions} */ (event.code)];
  if (!run || (flags.locked && event.code !== 'KeyN' && event.code !== 'KeyP')) return;
  event.preventDefault();
  run();
});

/** @param {'next' | 'prev'} rel */
function go(rel) {
  const link = /** @type {HTMLAnchorElement | null} */ (
    document.querySelector(`.pagination a[rel="${rel}"]`)
  );
  if (!link) return;
  persist();
  void flush().finally(() => {
    window.location.href = link.href;
  });
}

// --- start -------------------------------------------------------------------------------------

for (const el of questionList.querySelectorAll('.question-block')) {
  const id = /** @type {HTMLElement} */ (el).dataset.questionId;
  const server = data.questions.find((/** @type {any} */ s) => s.id === id);
  if (!id || !server) continue;
  registerQuestion(/** @type {HTMLElement} */ (el), {
    key: id,
    id,
    version: server.version,
    base: serverValues(server),
  });
}
document.getElementById('item-form')?.addEventListener('submit', (event) => {
  event.preventDefault();
  void flush();
});
const addQuestionButton = document.getElementById('add-question');
const addActionButton = document.getElementById('add-action');
if (addQuestionButton && !flags.locked) {
  addQuestionButton.hidden = false;
  addQuestionButton.addEventListener('click', () => addQuestion());
}
if (addActionButton && !flags.locked) {
  addActionButton.hidden = false;
  addActionButton.addEventListener('click', () => openActionForm(undefined));
}
saveBeforeLeaving(/** @type {HTMLElement} */ (document.getElementById('draft')), async () => {
  persist();
  await flush();
  // The item's own forms (who can read it) name the version the notes are now at, saved or polled.
  /** @type {HTMLInputElement} */ for (const input of document.querySelectorAll('input[data-item-version]'))
    input.value = String(item.version);
});
focusMovedQuestion();
document.getElementById('draft')?.addEventListener('input', changed);
document.getElementById('draft')?.addEventListener('change', changed);

const presenceEl = document.getElementById('presence');
if (presenceEl && data.tab) {
  startPresence({
    api,
    itemId,
    tab: data.tab,
    el: presenceEl,
    onRefused: (res) => {
      flags.signedOut = true;
      sessionRanOut(res);
      render();
    },
  });
}
restore();
render();
if (localStorage.getItem('boardroom:preview') === 'on') setPreview(true);
if (anyDirty()) void flush();

setInterval(() => {
  if (anyDirty()) void flush();
}, SAVE_EVERY_MS);
setInterval(() => void poll(), POLL_EVERY_MS);
window.addEventListener('online', () => {
  flags.offline = false;
  void flush();
});
// Leaving: keep everything on the device, and try a last save that outlives the page.
window.addEventListener('pagehide', () => {
  persist();
  if (anyDirty() && itemText.value.length < 60_000) void flush({ keepalive: true });
});
document.addEventListener('visibilitychange', () => {
  if (document.hidden) persist();
});
