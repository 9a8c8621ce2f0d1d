/**
 * npm run migrate [-- up|down|reset]: moves the configured database's schema, as the owner
 * (MIGRATION_DATABASE_URL when given), then grants DATABASE_URL's role what the application needs.
 */
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateForApp } from '../src/db/migrate.ts';

const direction = process.argv[2] ?? 'up';
if (!['up', 'down', 'reset'].includes(direction)) {
  console.error('usage: npm run migrate -- [up|down|reset]');
  process.exit(2);
}
const config = loadConfig();
const database = await openDatabase(config.database);
try {
  const step = direction === 'up' ? 'latest' : direction === 'down' ? 'down' : 'none';
  const result = await migrateForApp(config.database, database.db, step);
  for (const r of result.results ?? [])
    console.log(`${r.direction.padEnd(4)} ${r.migrationName}: ${r.status}`);
  if (!result.results?.length) console.log('nothing to do');
} finally {
  await database.close();
}
