/** npm run seed:demo: the demo board, meetings, actions and accounts (development only; idempotent). */
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { DEMO_PASSWORD, seedDemo } from '../src/demo/seed.ts';

const config = loadConfig();
if (config.env === 'production') {
  console.error(
    'seed:demo refuses to run with NODE_ENV=production: it creates accounts with a published password.',
  );
  process.exit(2);
}
const database = await openDatabase(config.database);
try {
  await runMigrations(database.db);
  const result = await seedDemo(database.db);
  console.log(result.created ? 'Demo data created.' : 'Demo data already present; nothing changed.');
  console.log(`Demo accounts (password "${DEMO_PASSWORD}"):`);
  for (const a of result.accounts) console.log(`  ${a.email.padEnd(28)} ${a.roles.join(', ')}`);
} finally {
  await database.close();
}
