/** npm run seed:demo: the demo board, meetings, actions and accounts (development only; idempotent). */
import { existsSync } from 'node:fs';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateForApp } from '../src/db/migrate.ts';
import { DEMO_PASSWORD, seedDemo } from '../src/demo/seed.ts';
import { createDocumentsPool } from '../src/documents/runtime.ts';
import { createDocumentService } from '../src/documents/service.ts';

const config = loadConfig();
if (config.env === 'production') {
  console.error(
    'seed:demo refuses to run with NODE_ENV=production: it creates accounts with a published password.',
  );
  process.exit(2);
}
const database = await openDatabase(config.database);
// Publishing the March notes prints their PDF: with no Chromium they are left approved, to publish later.
const pool = existsSync(config.render.chromiumPath) ? createDocumentsPool(config) : null;
try {
  await migrateForApp(config.database, database.db);
  const publishing = pool && {
    documents: createDocumentService({
      db: database.db,
      pool,
      protectiveMarking: config.render.protectiveMarking,
      log: { warn: (_obj: object, msg?: string) => console.warn(msg) },
    }),
    protectiveMarking: config.render.protectiveMarking,
  };
  const result = await seedDemo(database.db, publishing ? { publishing } : {});
  console.log(result.created ? 'Demo data created.' : 'Demo data already present; nothing changed.');
  if (result.created && !result.published) {
    console.log(
      `No Chromium at ${config.render.chromiumPath} (CHROMIUM_PATH): the March notes are approved but not ` +
        'published; publish them from the staff workspace once Chromium is installed.',
    );
  }
  console.log(`Demo accounts (password "${DEMO_PASSWORD}"):`);
  for (const a of result.accounts) console.log(`  ${a.email.padEnd(28)} ${a.roles.join(', ')}`);
} finally {
  await pool?.close();
  await database.close();
}
