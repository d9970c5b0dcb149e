import type { TestDatabase } from "./test-database";

/**
 * Columns that a request may touch without changing anyone's data: reading with a session or
 * an API key notes when it was last used and extends the session.
 */
const TOUCHED_BY_AUTHENTICATION = ["last_seen_at", "expires_at", "last_used_at", "last_sign_in_at"];

/** Per table of the `public` and `auth` schemas: its row count and a hash of its rows. */
export type DatabaseSnapshot = Record<string, { rows: number; hash: string }>;

/**
 * A fingerprint of every user-data table, to prove that a refused write changed nothing:
 * take one before, one after, and compare them.
 */
export async function snapshotDatabase(
  database: Pick<TestDatabase, "query">,
): Promise<DatabaseSnapshot> {
  const tables = await database.query<{ schema: string; name: string }>(
    `select table_schema as schema, table_name as name from information_schema.tables
     where table_schema in ('public', 'auth') and table_type = 'BASE TABLE'
     order by 1, 2`,
  );
  const snapshot: DatabaseSnapshot = {};
  for (const { schema, name } of tables) {
    const [row] = await database.query<{ rows: number; hash: string }>(
      `select count(*)::int as rows,
              coalesce(md5(string_agg(r, ',' order by r)), '') as hash
       from (select (to_jsonb(t) - $1::text[])::text as r from "${schema}"."${name}" t) rows`,
      [TOUCHED_BY_AUTHENTICATION],
    );
    snapshot[`${schema}.${name}`] = row!;
  }
  return snapshot;
}
