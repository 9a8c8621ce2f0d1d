import type { Actor } from './core/principal.ts';
import type { Database } from './db/database.ts';

/** What every service use case receives: the database (or transaction), who acts, and the request id for the audit log. */
export interface ServiceContext {
  db: Database;
  actor: Actor;
  requestId: string | null;
}
