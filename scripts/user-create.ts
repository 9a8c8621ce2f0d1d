/**
 * npm run user:create -- --email a@b.org --name "Jo Bloggs" [--role admin] [--password ...]
 * Makes the first admin (or any user) directly in the database. Without --password it reads
 * BOARDROOM_PASSWORD, so the password need not appear in shell history.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrateForApp } from '../src/db/migrate.ts';
import { hashPassword } from '../src/modules/auth/passwords.ts';
import { insertUser } from '../src/modules/users/repo.ts';
import { createUserBody } from '../src/modules/users/schemas.ts';

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string', multiple: true, default: ['admin'] },
    password: { type: 'string' },
  },
});
const parsed = createUserBody.safeParse({
  email: values.email,
  displayName: values.name ?? values.email,
  password: values.password ?? process.env.BOARDROOM_PASSWORD,
  roles: values.role,
});
if (!parsed.success) {
  for (const issue of parsed.error.issues)
    console.error(`${issue.path.join('.') || 'input'}: ${issue.message}`);
  console.error(
    'usage: npm run user:create -- --email EMAIL --name NAME [--role admin] [--password PASSWORD]',
  );
  process.exit(2);
}
const config = loadConfig();
const database = await openDatabase(config.database);
try {
  await migrateForApp(config.database, database.db);
  const id = await insertUser(database.db, {
    email: parsed.data.email,
    displayName: parsed.data.displayName,
    passwordHash: await hashPassword(parsed.data.password),
    roles: parsed.data.roles,
    organisationId: null,
    personId: null,
  });
  console.log(`created user ${parsed.data.email} (${parsed.data.roles.join(', ')}) with id ${id}`);
} catch (err) {
  console.error((err as { code?: string }).code === '23505' ? 'a user with that email already exists' : err);
  process.exitCode = 1;
} finally {
  await database.close();
}
