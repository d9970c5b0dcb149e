import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { PGlite } from "@electric-sql/pglite";
import type { Sql } from "postgres";
import type { Database, DatabaseHandle } from "@/server/db/database";
import { schema } from "@/server/db/schema";

export interface QueryLog {
  /** The same database and connection, every statement sent through `db` written to `statements`. */
  database: DatabaseHandle;
  /** SQL text of each statement, in the order sent (parameters left out). */
  statements: string[];
}

/**
 * The real adapter with Drizzle's own logger on: a second Drizzle instance over the handle's
 * client (`$client`), so services wired on it run exactly the statements they run in
 * production, on the same connection(s), and the test can count them. Transaction control
 * (BEGIN / COMMIT) is the driver's and is not listed; PGlite's savepoints are, postgres.js's
 * are not.
 */
export function withQueryLog(handle: DatabaseHandle): QueryLog {
  const statements: string[] = [];
  const logger = { logQuery: (query: string) => void statements.push(query) };
  const client = (handle.db as unknown as { $client: unknown }).$client;
  const db =
    handle.kind === "pglite"
      ? (drizzlePglite({ client: client as PGlite, schema, logger }) as unknown as Database)
      : (drizzlePostgres({ client: client as Sql, schema, logger }) as unknown as Database);
  return { database: { ...handle, db }, statements };
}
