import "server-only";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { schema } from "./schema";

/** The Database port: Drizzle over either PGlite (embedded) or postgres.js (a server). */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  readonly kind: "pglite" | "postgres";
  readonly db: Database;
  /** Runs SQL text that may hold many statements and no parameters (migrations). */
  execScript(sqlText: string): Promise<void>;
  /** Like execScript, inside one transaction: all of it or none. */
  execScriptAtomically(sqlText: string): Promise<void>;
  /** Runs one parameterised statement and returns its rows. */
  query<Row extends Record<string, unknown>>(sqlText: string, params?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}
