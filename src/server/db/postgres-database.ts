import "server-only";
import postgres from "postgres";
import { drizzle } from "drizzle-orm/postgres-js";
import type { Database, DatabaseHandle } from "./database";
import { guardTransactions } from "./postgres-transactions";
import { schema } from "./schema";

const IDLE_SECONDS = 60;

/** A PostgreSQL server (Supabase in production) through postgres.js. */
export function openPostgresDatabase(url: string, options: { max?: number } = {}): DatabaseHandle {
  // Supabase's transaction pooler (port 6543) cannot keep prepared statements.
  const pooled = /:6543\b/.test(url) || /[?&]pgbouncer=true\b/.test(url);
  // Transactions go through the guard: a connection lost mid-transaction must reject the
  // transaction, not crash the process from inside the driver (see postgres-transactions.ts).
  const client = guardTransactions(
    postgres(url, {
      max: options.max ?? 10,
      prepare: !pooled,
      // A connection idle this long is closed: a serverless instance that has gone quiet gives
      // its connections back to Supabase's pooler, whose total is the limit that matters.
      idle_timeout: IDLE_SECONDS,
      onnotice: () => {},
      connection: { application_name: "ai-image-studio" },
    }),
  );
  const db = drizzle({ client, schema }) as unknown as Database;
  return {
    kind: "postgres",
    db,
    async execScript(sqlText) {
      await client.unsafe(sqlText);
    },
    async execScriptAtomically(sqlText) {
      await client.begin(async (tx) => {
        await tx.unsafe(sqlText);
      });
    },
    async query<Row extends Record<string, unknown>>(sqlText: string, params: unknown[] = []) {
      const rows = await client.unsafe(sqlText, params as postgres.ParameterOrJSON<never>[]);
      return rows as unknown as Row[];
    },
    async close() {
      await client.end({ timeout: 5 });
    },
  };
}
