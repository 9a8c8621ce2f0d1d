/** npm run migrate [-- up|down|reset]: moves the configured database's schema. */
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { runMigrations } from '../src/db/migrate.ts';

const direction = process.argv[2] ?? 'up';
if (!['up', 'down', 'reset'].includes(direction)) {
  console.error('usage: npm run migrate -- [up|down|reset]');
  process.exit(2);
}
const config = loadConfig();
const database = await openDatabase(config.database);
try {
  const step = direction === 'up' ? 'latest' : direction === 'down' ? 'down' : 'none';
  const result = await runMigrations(database.db, step);
  for (const r of result.results ?? [])
    console.log(`${r.direction.padEnd(4)} ${r.migrationName}: ${r.status}`);
  if (!result.results?.length) console.log('nothing to do');
} finally {
  await database.close();
}
