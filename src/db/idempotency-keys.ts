import type { Database } from './database.ts';

export async function claimKey(
  db: Database,
  row: { userId: string; key: string; route: string; requestHash: string },
): Promise<boolean> {
  const inserted = await db
    .insertInto('idempotency_keys')
    .values({ user_id: row.userId, key: row.key, route: row.route, request_hash: row.requestHash })
    .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  return !!inserted;
}

export function findKey(db: Database, userId: string, key: string) {
  return db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .executeTakeFirst();
}

export async function completeKey(
  db: Database,
  userId: string,
  key: string,
  statusCode: number,
  body: unknown,
) {
  await db
    .updateTable('idempotency_keys')
    .set({ status_code: statusCode, response_body: JSON.stringify(body ?? null) })
    .where('user_id', '=', userId)
    .where('key', '=', key)
    .execute();
}
