/**
 * npm run import:notes -- FILE --board AGB [--board-name "Accountability and Governance Board"]
 *                         [--start-time 10:00] [--location "..."] [--dry-run]
 * Imports a "Notes of the Meeting" text file as a new meeting of the board and prints what it could
 * not place, with line numbers. Creates the board when --board-name is given and the code is new.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { systemActor } from '../src/core/principal.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateForApp } from '../src/db/migrate.ts';
import { findBoardByCode } from '../src/modules/boards/repo.ts';
import { importNotesBody } from '../src/modules/import/schemas.ts';
import { importNotes } from '../src/modules/import/service.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    board: { type: 'string', default: 'AGB' },
    'board-name': { type: 'string' },
    'start-time': { type: 'string', default: '10:00' },
    location: { type: 'string', default: '' },
    'dry-run': { type: 'boolean', default: false },
  },
});
const file = positionals[0];
if (!file) {
  console.error(
    'usage: npm run import:notes -- FILE --board CODE [--board-name NAME] [--start-time HH:MM] [--dry-run]',
  );
  process.exit(2);
}
const input = importNotesBody.parse({
  text: readFileSync(file, 'utf8'),
  startTime: values['start-time'],
  location: values.location,
  dryRun: values['dry-run'],
});
const { database: target } = loadConfig();
const database = await openDatabase(target);
try {
  await migrateForApp(target, database.db);
  let board = await findBoardByCode(database.db, values.board!);
  if (!board && values['board-name']) {
    await database.db
      .insertInto('boards')
      .values({ name: values['board-name'], code: values.board! })
      .execute();
    board = await findBoardByCode(database.db, values.board!);
  }
  if (!board) throw new Error(`no board with code ${values.board}; pass --board-name to create it`);
  const result = await importNotes(
    { db: database.db, actor: systemActor('import-notes'), requestId: null },
    board.id,
    input,
  );
  console.log(
    `${result.dryRun ? 'Would import' : 'Imported'} meeting ${result.meetingDate}${result.meetingId ? ` (${result.meetingId})` : ''}: ` +
      `${result.counts.present} present, ${result.counts.apologies} apologies, ${result.counts.items} items, ` +
      `${result.counts.questions} questions (${result.counts.preSubmittedQuestions} pre-submitted), ${result.counts.actions} actions`,
  );
  for (const a of result.actions) console.log(`  ACTION ${a.reference ?? '(new)'} [${a.owner}] ${a.text}`);
  for (const u of result.unplaced)
    console.log(`  NOT PLACED line ${u.line}: ${u.reason}: ${u.text.slice(0, 100)}`);
  for (const w of result.warnings) console.log(`  CHECK line ${w.line}: ${w.message}`);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await database.close();
}
