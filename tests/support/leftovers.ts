import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import type { DatabaseHandle } from "@/server/db/database";

/**
 * Every column of every table (any schema but Postgres's own) that holds this value, as
 * `schema.table.column`. Slow (one query per text-like column): for proofs that nothing of a
 * person is left, not for loops.
 */
export async function whereValueRemains(
  database: Pick<DatabaseHandle, "query">,
  value: string,
): Promise<string[]> {
  const columns = await database.query<{ schema: string; table: string; column: string }>(
    `select c.table_schema as schema, c.table_name as table, c.column_name as column
       from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where t.table_type = 'BASE TABLE'
        and c.table_schema not in ('pg_catalog', 'information_schema')
        and c.data_type in ('uuid', 'text', 'character varying', 'jsonb', 'ARRAY')`,
  );
  const found: string[] = [];
  for (const { schema, table, column } of columns) {
    const rows = await database.query<{ n: number }>(
      `select count(*)::int as n from "${schema}"."${table}" where "${column}"::text ilike $1`,
      [`%${value}%`],
    );
    if ((rows[0]?.n ?? 0) > 0) found.push(`${schema}.${table}.${column}`);
  }
  return found;
}

/** Every file anywhere under `root`, as paths relative to it ('/'-separated); [] if no root. */
export function everyFileUnder(root: string): string[] {
  let entries;
  try {
    entries = readdirSync(root, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split("\\").join("/"));
}

/** The paths among `paths` that contain any of `needles` (ids, keys), case-insensitively. */
export function pathsNaming(paths: readonly string[], needles: readonly string[]): string[] {
  const lowered = needles.map((needle) => needle.toLowerCase());
  return paths.filter((path) => lowered.some((needle) => path.toLowerCase().includes(needle)));
}
