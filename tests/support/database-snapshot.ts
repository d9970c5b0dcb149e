import type { TestDatabase } from "./test-database";

/**
 * Columns that a request may touch without changing anyone's data: reading with a session or
 * an API key notes when it was last used and extends the session.
 */
const TOUCHED_BY_AUTHENTICATION = ["last_seen_at", "expires_at", "last_used_at", "last_sign_in_at"];

/** Per table of the `public` and `auth` schemas: its row count and a hash of its rows. */
export type DatabaseSnapshot = Record<string, { rows: number; hash: string }>;

const tablesCache = new WeakMap<object, string[]>();

/**
 * A fingerprint of every user-data table, to prove that a refused write changed nothing:
 * take one before, one after, and compare them. `except` leaves out rows that a refusal writes
 * by design (per table, an SQL condition on its rows), e.g. an audit entry of a failed sign-in.
 */
export async function snapshotDatabase(
  database: Pick<TestDatabase, "query">,
  { except = {} }: { except?: Record<string, string> } = {},
): Promise<DatabaseSnapshot> {
  let tables = tablesCache.get(database);
  if (!tables) {
    const rows = await database.query<{ name: string }>(
      `select table_schema || '.' || table_name as name from information_schema.tables
       where table_schema in ('public', 'auth') and table_type = 'BASE TABLE'
       order by 1`,
    );
    tables = rows.map((row) => row.name);
    tablesCache.set(database, tables);
  }
  // One statement for all tables: this runs before and after every fuzzed request.
  const rows = await database.query<{ name: string; rows: number; hash: string }>(
    tables
      .map((name, index) => {
        const [schema, table] = name.split(".");
        const where = except[name] ? `where not (${except[name]})` : "";
        return `select ${index} as i, '${name}' as name, count(*)::int as rows,
                       coalesce(md5(string_agg(r, ',' order by r)), '') as hash
                from (select (to_jsonb(t) - $1::text[])::text as r
                      from "${schema}"."${table}" t ${where}) rows`;
      })
      .join(" union all ")
      .concat(" order by i"),
    [TOUCHED_BY_AUTHENTICATION],
  );
  return Object.fromEntries(rows.map((row) => [row.name, { rows: row.rows, hash: row.hash }]));
}
