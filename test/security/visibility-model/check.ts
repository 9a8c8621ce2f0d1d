/**
 * The assertions of the visibility property test, run on every output of a sequence: no marker the
 * audience may not read (saying which audience, which URL, which marker and which rule), question
 * numbers 1..n per numbered output, and action references gap-free per audience and series with no
 * R (exempt) or P (OPCC-only) reference shown to an audience that may not see that series.
 */
import type { Output } from './collect.ts';
import { type Audience, type Fact, type Model, mayRead, maySeeSeries } from './model.ts';
import type { Seq } from './world.ts';

function ruleFor(audience: Audience, f: Fact, frozen: boolean): string {
  return (
    `${f.what} ${f.marker} is effectively ${f.conf}` +
    (f.privateTo ? `, not public (only ${f.privateTo}'s officers)` : '') +
    (f.draft ? ', a draft' : '') +
    (audience === 'anonymous' && !f.publicWhen ? ', not published' : '') +
    `; ${audience} may not read it` +
    (frozen ? ' (nor was it public in the latest published version)' : '')
  );
}

const gapFree = (ns: number[]) => {
  const sorted = [...new Set(ns)].sort((a, b) => a - b);
  return sorted.every((n, i) => n === i + 1);
};

/** Every violation in the outputs, as readable lines (empty when the sequence complies). */
export function violations(m: Model, s: Seq, outputs: Output[]): string[] {
  const facts = m.facts();
  const problems: string[] = [];
  const refRe = new RegExp(`(?<![A-Za-z0-9])${s.code}/\\d{4}-\\d{2}/([RP]?)(\\d+)(?!\\d)`, 'g');
  const liveRefs = new Map<string, { numbers: number[]; where: Map<number, string> }>();

  for (const o of outputs) {
    for (const f of facts) {
      if (!o.text.includes(f.marker)) continue;
      if (mayRead(o.audience, f)) continue;
      if (o.frozen && m.snapshotPublic.has(f.marker)) continue;
      problems.push(`[${o.audience}] GET ${o.url}: ${ruleFor(o.audience, f, o.frozen)}`);
    }
    // The secretariat (and admins) see the numbers as set, gaps included: only others are renumbered.
    const privileged = o.audience === 'admin' || o.audience === 'secretariat';
    if (o.numbered && !privileged) {
      const printed = [...o.text.matchAll(/Question (\d+)\b/g)].map((x) => Number(x[1]));
      if (!gapFree(printed))
        problems.push(
          `[${o.audience}] GET ${o.url}: question numbers ${[...new Set(printed)].join(', ')} are not 1..n`,
        );
    }
    if (o.notes) {
      const expected = o.notes === 'live' ? m.notesNumbers() : m.snapshotNumbers;
      for (const [, n, marker] of o.text.matchAll(/Question (\d+)\b[^Z]{0,80}?(ZQ-\d{4}-question-\d{2})/g))
        if (expected.get(marker!) !== Number(n))
          problems.push(
            `[${o.audience}] GET ${o.url}: prints question ${marker} as Question ${n}, expected ${expected.get(marker!) ?? 'no number'}`,
          );
    }
    if (o.agenda) {
      // Items numbered 1..n in order over what is shown; a signed-in reader is shown exactly the
      // items whose title it may read (an exempt one title-only where the board lists exempt titles).
      const shown = o.agenda.map(([, n]) => n);
      if (!shown.every((n, i) => n === i + 1))
        problems.push(
          `[${o.audience}] GET ${o.url}: agenda items numbered ${shown.join(', ')}, not 1..n in order`,
        );
      if (o.audience !== 'anonymous') {
        const titles = new Map(facts.filter((f) => f.what.includes('item title')).map((f) => [f.marker, f]));
        const expected = m.items
          .filter((it) => mayRead(o.audience, titles.get(it.marker)!))
          .map((it) => it.marker);
        const got = o.agenda.map(([id]) => m.items.find((it) => it.id === id)?.marker ?? id);
        if (expected.join() !== got.join())
          problems.push(
            `[${o.audience}] GET ${o.url}: agenda lists ${got.join(', ') || 'nothing'}, expected ${expected.join(', ') || 'nothing'}`,
          );
      }
    }
    if (o.questionNumbers) {
      const expected = m.questionNumbers(o.audience);
      const name = (id: string) => m.questions.find((q) => q.id === id)?.marker ?? id;
      for (const [id, n] of o.questionNumbers)
        if ((expected.get(id) ?? null) !== n)
          problems.push(
            `[${o.audience}] GET ${o.url}: question ${name(id)} has \`number\` ${n}, expected ${expected.get(id) ?? null}`,
          );
    }
    if (o.numbers && !privileged && !gapFree(o.numbers))
      problems.push(
        `[${o.audience}] GET ${o.url}: question \`number\`s ${o.numbers.join(', ')} are not 1..n`,
      );
    const perOutput = new Map<string, number[]>();
    for (const r of o.text.matchAll(refRe)) {
      const series = r[1] as '' | 'R' | 'P';
      const n = Number(r[2]);
      if (!maySeeSeries(o.audience, series))
        problems.push(
          `[${o.audience}] GET ${o.url}: shows reference ${r[0]} of the ${series} series, which ${o.audience} may not see`,
        );
      const key = series;
      if (o.frozen) perOutput.set(key, [...(perOutput.get(key) ?? []), n]);
      else {
        const k = `${o.audience} ${series}`;
        const e = liveRefs.get(k) ?? { numbers: [] as number[], where: new Map<number, string>() };
        e.numbers.push(n);
        if (!e.where.has(n)) e.where.set(n, o.url);
        liveRefs.set(k, e);
      }
    }
    for (const [series, ns] of perOutput)
      if (!gapFree(ns))
        problems.push(
          `[${o.audience}] GET ${o.url}: references of series '${series}' number ${[...new Set(ns)].sort().join(', ')}, not 1..n`,
        );
  }
  for (const [k, e] of liveRefs) {
    if (gapFree(e.numbers)) continue;
    const [audience, series] = k.split(' ');
    const seen = [...e.where.entries()].sort((a, b) => a[0] - b[0]).map(([n, url]) => `${n} (${url})`);
    problems.push(
      `[${audience}] action references of series '${series ?? ''}' across live outputs: ${seen.join(', ')} — not 1..n`,
    );
  }
  return [...new Set(problems)];
}

/**
 * The board's secretariat reads everything: every marker must be somewhere in its outputs, or the
 * collectors look in the wrong place (a test that cannot fail).
 */
export function missingForSecretariat(m: Model, outputs: Output[]): string[] {
  const adminText = outputs.filter((o) => o.audience === 'secretariat').map((o) => o.text);
  return m
    .facts()
    .map((f) => f.marker)
    .filter((marker) => !adminText.some((t) => t.includes(marker)));
}
