/**
 * A small line diff (longest common subsequence), enough to show the public what a correction
 * changed. Common leading and trailing lines are matched first, so a typical correction (a few
 * lines in a long document) costs little; a pathological pair falls back to "all removed, all added".
 */
export type DiffOp = 'same' | 'added' | 'removed';

export interface DiffLine {
  op: DiffOp;
  text: string;
}

/** Above this many cells (lines × lines) the middle part is not aligned line by line. */
const MAX_CELLS = 4_000_000;

export function diffLines(before: readonly string[], after: readonly string[]): DiffLine[] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before[endB - 1] === after[endA - 1]) {
    endB--;
    endA--;
  }
  const head = before.slice(0, start).map((text): DiffLine => ({ op: 'same', text }));
  const tail = before.slice(endB).map((text): DiffLine => ({ op: 'same', text }));
  const b = before.slice(start, endB);
  const a = after.slice(start, endA);
  return [...head, ...middle(b, a), ...tail];
}

function middle(b: readonly string[], a: readonly string[]): DiffLine[] {
  if (b.length * a.length > MAX_CELLS) {
    return [
      ...b.map((text): DiffLine => ({ op: 'removed', text })),
      ...a.map((text): DiffLine => ({ op: 'added', text })),
    ];
  }
  const n = b.length;
  const m = a.length;
  // lcs[i][j]: length of the LCS of b[i..] and a[j..], in one flat array.
  const width = m + 1;
  const lcs = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        b[i] === a[j]
          ? lcs[(i + 1) * width + j + 1]! + 1
          : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (b[i] === a[j]) {
      out.push({ op: 'same', text: b[i]! });
      i++;
      j++;
    } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) {
      out.push({ op: 'removed', text: b[i]! });
      i++;
    } else {
      out.push({ op: 'added', text: a[j]! });
      j++;
    }
  }
  while (i < n) out.push({ op: 'removed', text: b[i++]! });
  while (j < m) out.push({ op: 'added', text: a[j++]! });
  return out;
}

export interface DiffHunk {
  lines: DiffLine[];
}

/** The changed lines with `context` unchanged lines around them; unchanged stretches between are left out. */
export function hunks(lines: readonly DiffLine[], context = 2): DiffHunk[] {
  const keep = new Array<boolean>(lines.length).fill(false);
  lines.forEach((line, index) => {
    if (line.op === 'same') return;
    for (let k = Math.max(0, index - context); k <= Math.min(lines.length - 1, index + context); k++) {
      keep[k] = true;
    }
  });
  const out: DiffHunk[] = [];
  let current: DiffLine[] | null = null;
  lines.forEach((line, index) => {
    if (keep[index]) {
      current ??= [];
      current.push(line);
    } else if (current) {
      out.push({ lines: current });
      current = null;
    }
  });
  if (current) out.push({ lines: current });
  return out;
}

/** As a unified-diff-like text: "+ " added, "- " removed, "  " unchanged context, "…" between hunks. */
export function diffText(lines: readonly DiffLine[], context = 2): string {
  const marks: Record<DiffOp, string> = { same: '  ', added: '+ ', removed: '- ' };
  return hunks(lines, context)
    .map((hunk) => hunk.lines.map((line) => marks[line.op] + line.text).join('\n'))
    .join('\n…\n');
}
