/**
 * Three-way merge of text by lines, shared by the browser (the drafting screen) and the server (the
 * same screen without JavaScript). When two people change the same notes, neither edit is lost:
 * lines I added are inserted into their version after the line they followed in mine, lines I
 * deleted are deleted from theirs, and their additions stay. A line both of us rewrote keeps both
 * versions, one after the other, for a person to tidy.
 */

/** @param {string[]} a @param {string[]} b */
function same(a, b) {
  return a.length === b.length && a.every((line, i) => line === b[i]);
}

/** @param {string[]} lines */
function counts(lines) {
  /** @type {Map<string, number>} */
  const map = new Map();
  for (const line of lines) map.set(line, (map.get(line) ?? 0) + 1);
  return map;
}

/**
 * @param {string[]} base the lines both of us started from
 * @param {string[]} mine my lines now
 * @param {string[]} theirs their saved lines
 * @returns {string[]}
 */
export function mergeLines(base, mine, theirs) {
  if (same(mine, base) || same(mine, theirs)) return theirs.slice();
  if (same(theirs, base)) return mine.slice();
  const inBase = counts(base);
  const inMine = counts(mine);
  const inTheirs = counts(theirs);

  // Lines I deleted go from their version too (only as many as I deleted).
  const result = [];
  /** @type {Map<string, number>} */
  const toDelete = new Map();
  for (const [line, n] of inBase) {
    const deleted = n - (inMine.get(line) ?? 0);
    if (deleted > 0) toDelete.set(line, deleted);
  }
  for (const line of theirs) {
    const pending = toDelete.get(line) ?? 0;
    if (pending > 0 && (inTheirs.get(line) ?? 0) <= (inBase.get(line) ?? 0)) {
      toDelete.set(line, pending - 1);
      continue;
    }
    result.push(line);
  }

  // Lines I added are inserted after the nearest line before them that both versions have.
  /** @type {Map<string, number>} */
  const added = new Map();
  for (const [line, n] of inMine) {
    const extra = n - (inBase.get(line) ?? 0);
    if (extra > 0) added.set(line, extra);
  }
  let cursor = -1;
  for (const line of mine) {
    const pending = added.get(line) ?? 0;
    if (pending > 0) {
      added.set(line, pending - 1);
      // They added the very same line: keep one.
      const theirExtra = (inTheirs.get(line) ?? 0) - (inBase.get(line) ?? 0);
      const at = theirExtra > 0 ? result.indexOf(line, cursor + 1) : -1;
      if (at !== -1) {
        cursor = at;
        continue;
      }
      result.splice(cursor + 1, 0, line);
      cursor += 1;
      continue;
    }
    const at = result.indexOf(line, cursor + 1);
    if (at !== -1) cursor = at;
  }
  return result;
}

/**
 * @param {string} base @param {string} mine @param {string} theirs
 * @returns {string}
 */
export function mergeText(base, mine, theirs) {
  const split = (/** @type {string} */ s) => (s === '' ? [] : s.replace(/\r\n/g, '\n').split('\n'));
  return mergeLines(split(base), split(mine), split(theirs)).join('\n');
}
