/**
 * What the drafting screen has not saved yet, kept on this device (localStorage) for each agenda
 * item, with the version each change was made against. It survives a dropped connection, a closed
 * tab and a reload; it is cleared once everything is saved.
 */

const PREFIX = 'boardroom:draft:v1:';

/** @param {string} itemId */
export function loadDraft(itemId) {
  try {
    const raw = localStorage.getItem(PREFIX + itemId);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

/** @param {string} itemId @param {object | null} draft @returns {boolean} false when the browser refused */
export function saveDraft(itemId, draft) {
  try {
    if (draft) localStorage.setItem(PREFIX + itemId, JSON.stringify({ ...draft, savedAt: Date.now() }));
    else localStorage.removeItem(PREFIX + itemId);
    return true;
  } catch {
    return false;
  }
}
