/**
 * Canonical structure ids. A tagged PDF gives table header cells an id (`/ID (node00000143)`) that
 * data cells name in `/Headers`, listed in the `/IDTree` name tree. Chromium takes those ids from a
 * counter of the renderer process, so they depend on how many nodes the page made before: the same
 * document printed by a fresh page, by a page that printed another document first, or by a warm page
 * whose tables were replaced (warm-document.ts) carries different ids, and so different bytes.
 *
 * Renumbered here in order of first appearance (1, 2, 3 … padded to the same width) and the name
 * tree re-sorted, all in place at the same length, the bytes depend on the document alone: the same
 * input gives the same hash and ETag whichever page printed it. Only the three known places are
 * touched; if the file is not shaped as expected (more than one name-tree leaf, a reference to an
 * unknown id, a length that would change), it is left as it is.
 */

const ID_ENTRY = /\/ID \(node(\d+)\)/g;
const HEADERS = /\/Headers \[((?:\s*\(node\d+\))+)\s*\]/g;
const ID_LEAF = /\/Limits \[\(node\d+\) \(node\d+\)\]\s*\/Names \[((?:\s*\(node\d+\) \d+ \d+ R)+)\s*\]/g;
const KEY = /\(node(\d+)\)/g;
const LEAF_ENTRY = /\(node(\d+)\) (\d+ \d+ R)/g;

interface Edit {
  at: number;
  text: string;
}

/** Renumbers the structure ids of `pdf` in place; `text` is `pdf` as latin1 (offsets are bytes). */
export function canonicaliseStructureIds(pdf: Buffer, text: string): void {
  const rank = new Map<string, number>();
  for (const match of text.matchAll(ID_ENTRY)) {
    const id = match[1] as string;
    if (!rank.has(id)) rank.set(id, rank.size + 1);
  }
  if (rank.size === 0) return;
  const renamed = (digits: string): string | null => {
    const n = rank.get(digits);
    return n === undefined ? null : String(n).padStart(digits.length, '0');
  };

  const edits: Edit[] = [];
  const renameKeys = (source: string, offset: number): boolean => {
    for (const key of source.matchAll(KEY)) {
      const next = renamed(key[1] as string);
      if (next === null) return false;
      edits.push({ at: offset + (key.index ?? 0) + '(node'.length, text: next });
    }
    return true;
  };
  for (const match of text.matchAll(ID_ENTRY)) {
    if (!renameKeys(match[0], match.index)) return;
  }
  for (const match of text.matchAll(HEADERS)) {
    if (!renameKeys(match[0], match.index)) return;
  }

  const leaves = [...text.matchAll(ID_LEAF)];
  if (leaves.length !== 1) return;
  const leaf = leaves[0] as RegExpExecArray;
  const names = leaf[1] as string;
  const entries: Array<{ key: string; target: string }> = [];
  for (const entry of names.matchAll(LEAF_ENTRY)) {
    const key = renamed(entry[1] as string);
    if (key === null) return;
    entries.push({ key, target: entry[2] as string });
  }
  entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const leading = /^\s*/.exec(names)?.[0] ?? '';
  const sorted = leading + entries.map(({ key, target }) => `(node${key}) ${target}`).join(' ');
  const first = entries[0];
  const last = entries.at(-1);
  if (sorted.length !== names.length || !first || !last) return;
  const limits = `/Limits [(node${first.key}) (node${last.key})]`;
  const leafText = leaf[0];
  const namesAt = leaf.index + leafText.lastIndexOf(names);
  edits.push({ at: leaf.index, text: limits });
  edits.push({ at: namesAt, text: sorted });
  if (!leafText.startsWith('/Limits [') || limits.length !== leafText.indexOf(']') + 1) return;

  for (const { at, text: replacement } of edits) pdf.write(replacement, at, 'latin1');
}
