/**
 * npm run verify:publications [-- --head FILE | --head BOARD_ID=HASH ...]
 *
 * Tamper evidence for what was published (src/modules/publication/verify.ts): re-hashes every stored
 * notes and decision version (canonical JSON and PDF against their SHA-256), recomputes each board's
 * hash chain, and, for each --head (a saved copy of the Atom feed /feeds/publications.atom, of
 * /public/v1/boards/{id}/chain, or BOARD_ID=HASH), checks that the saved head is still in the chain.
 * Exit 0 when everything holds; 1 with one line per mismatch; 2 for bad arguments.
 *
 * Reads DATABASE_URL (reading is all it needs; the application's role will do), or the embedded
 * database in DATA_DIR (stop the server first: an embedded database has one process at a time).
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { parseSavedHeads, type SavedHead, verifyPublications } from '../src/modules/publication/verify.ts';

const usage = 'usage: npm run verify:publications -- [--head FILE | --head BOARD_ID=HASH] ...';

function savedHeads(args: readonly string[]): SavedHead[] {
  const heads: SavedHead[] = [];
  for (const arg of args) {
    const inline = parseSavedHeads(arg, `--head ${arg}`);
    if (inline.length && !existsSync(arg)) {
      heads.push(...inline);
      continue;
    }
    if (!existsSync(arg)) throw new Error(`--head ${arg}: no such file, and not BOARD_ID=HASH`);
    const found = parseSavedHeads(readFileSync(arg, 'utf8'), arg);
    if (!found.length) throw new Error(`--head ${arg}: no chain head found in it`);
    heads.push(...found);
  }
  return heads;
}

let heads: SavedHead[];
try {
  const { values } = parseArgs({ options: { head: { type: 'string', multiple: true, default: [] } } });
  heads = savedHeads(values.head);
} catch (err) {
  console.error((err as Error).message);
  console.error(usage);
  process.exit(2);
}

const database = await openDatabase(loadConfig().database);
try {
  const report = await verifyPublications(database.db, heads);
  console.log(`Checked ${report.versions} published versions on ${report.boards} boards.`);
  for (const head of report.heads) {
    console.log(`  board ${head.boardId}: chain head link ${head.seq} ${head.chainSha256}`);
  }
  if (heads.length) console.log(`Checked ${heads.length} saved chain head(s).`);
  if (report.problems.length) {
    console.error(`\nFAILED: ${report.problems.length} mismatch(es):`);
    for (const problem of report.problems) console.error(`  - ${problem}`);
    process.exitCode = 1;
  } else {
    console.log('OK: every version matches its hashes, and every chain holds.');
  }
} finally {
  await database.close();
}
