/**
 * Issue 14, "Done means" 1: a model-based property test of who sees what. fast-check generates
 * sequences of create / move / reclassify / reassign / update / paper / decision / publish /
 * correct operations on a fresh board; each runs through the real HTTP API; then every output of
 * the board, for every audience (admin, the board's secretariat, another board's secretariat, the
 * owning organisation's officer, another organisation's officer, a member, the anonymous public),
 * must hold no marker that audience may not read, and every numbering it sees must run 1..n.
 *
 * Run: `npx vitest run test/security/visibility-model.test.ts` (PostgreSQL) or with TEST_DB=embedded.
 * VISIBILITY_SEED and VISIBILITY_RUNS override the fixed seed and the number of sequences;
 * VISIBILITY_PDF_EVERY sets how often the real PDFs are printed and read (default every 10th);
 * VISIBILITY_MEASURE=1 counts (and prints) every violating sequence instead of stopping at the first;
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingForSecretariat, violations } from './visibility-model/check.ts';
import { collectOutputs, timings } from './visibility-model/collect.ts';
import { commandArbitraries, type Real } from './visibility-model/commands.ts';
import { COUNTEREXAMPLES } from './visibility-model/examples.ts';
import { Model } from './visibility-model/model.ts';
import { VisibilityWorld } from './visibility-model/world.ts';

const SEED = Number(process.env.VISIBILITY_SEED ?? 20260414);
// 200 on PostgreSQL (about 65 s on the 2-core machine); the embedded database is about 4x slower,
// so it runs 60 by default to stay near the same budget (VISIBILITY_RUNS overrides both).
const RUNS = Number(process.env.VISIBILITY_RUNS ?? (process.env.TEST_DB === 'embedded' ? 60 : 200));
const PDF_EVERY = Number(process.env.VISIBILITY_PDF_EVERY ?? 10);
const MAX_COMMANDS = Number(process.env.VISIBILITY_MAX_COMMANDS ?? 10);

describe('visibility: one rule for who sees what, across changes over time', () => {
  let w: VisibilityWorld;
  let seq = 0;

  beforeAll(async () => {
    w = await VisibilityWorld.create();
  }, 120_000);
  afterAll(async () => {
    console.log('visibility model: command outcomes', Object.fromEntries(w?.stats ?? []));
    if (process.env.VISIBILITY_PROFILE)
      console.log(
        [...timings]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 30)
          .map(([k, v]) => `${v.toFixed(0)} ms ${k}`)
          .join('\n'),
      );
    await w?.close();
  });

  /** Runs one sequence on a fresh board and returns what it violated (empty when it complies). */
  async function runSequence(cmds: Iterable<fc.AsyncCommand<Model, Real, false>>): Promise<string[]> {
    seq += 1;
    // Every other board lists exempt items by title (ListExemptTitles may change it mid-sequence).
    const listExemptTitles = seq % 2 === 0;
    const s = await w.newSequence(seq, listExemptTitles);
    const m = new Model(seq, listExemptTitles);
    await fc.asyncModelRun(() => ({ model: m, real: { w, s } }), cmds);
    const outputs = await collectOutputs(w, m, s, seq % PDF_EVERY === 0);
    const missing = missingForSecretariat(m, outputs);
    if (missing.length)
      throw new Error(`the secretariat's outputs lack ${missing.join(', ')}: the collectors miss a place`);
    const found = violations(m, s, outputs);
    if (!found.length) return [];
    // The writes, with ids shown as the markers of the objects they name.
    const names = new Map<string, string>();
    for (const o of [...m.items, ...m.questions, ...m.actions, ...m.papers, ...m.decisions])
      names.set(o.id, o.marker);
    names.set(w.orgs.wmp, 'WMP').set(w.orgs.opcc, 'OPCC').set(s.meetingId, 'MEETING').set(s.laterId, 'LATER');
    const trace = w.trace.map((line) =>
      line.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, (id) => names.get(id) ?? id),
    );
    return [...found, '--- the writes of this sequence:', ...trace];
  }

  for (const [name, example] of Object.entries(COUNTEREXAMPLES)) {
    // A known bug (reported, not fixed yet) runs as an expected failure.
    (example.knownBug ? it.fails : it)(
      `fixed example: ${name}`,
      async () => {
        const found = await runSequence(example.commands());
        expect(found, `${example.commands().map(String).join(' → ')}\n${found.join('\n')}`).toEqual([]);
      },
      60_000,
    );
  }

  it(`holds for ${RUNS} generated sequences (seed ${SEED})`, async () => {
    console.log(`visibility model: seed ${SEED}, ${RUNS} runs (VISIBILITY_SEED / VISIBILITY_RUNS to change)`);
    // VISIBILITY_MEASURE=1: count failing sequences instead of stopping at the first (runtime budget).
    let failing = 0;
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(
        fc.commands(commandArbitraries(), { maxCommands: MAX_COMMANDS, size: 'max' }),
        async (cmds) => {
          const found = await runSequence(cmds);
          if (found.length && process.env.VISIBILITY_MEASURE) {
            failing += 1;
            console.log(
              `violating sequence ${failing}: ${[...cmds].map(String).join(' → ')}\n${found.slice(0, 12).join('\n')}`,
            );
          } else if (found.length) throw new Error(`violation(s):\n${found.slice(0, 60).join('\n')}`);
        },
      ),
      { seed: SEED, numRuns: RUNS, endOnFailure: process.env.VISIBILITY_SHRINK === 'false' },
    );
    console.log(
      `visibility model: ${RUNS} sequences in ${((Date.now() - started) / 1000).toFixed(1)} s` +
        (process.env.VISIBILITY_MEASURE ? `, ${failing} of them violating` : ''),
    );
    expect(failing).toBe(0);
  }, 900_000);
});
