import "server-only";
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import type { Database, DatabaseHandle } from "./database";
import { schema } from "./schema";

/** Embedded Postgres (PGlite). `dir` undefined keeps everything in memory (tests). */
export async function openPgliteDatabase(dir: string | undefined): Promise<DatabaseHandle> {
  if (dir) mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir ? { dataDir: dir } : {});
  const db = drizzle({ client, schema }) as unknown as Database;
  return {
    kind: "pglite",
    db,
    async execScript(sqlText) {
      await client.exec(sqlText);
    },
    async execScriptAtomically(sqlText) {
      await client.transaction(async (tx) => {
        await tx.exec(sqlText);
      });
    },
    async query<Row extends Record<string, unknown>>(sqlText: string, params: unknown[] = []) {
      const result = await client.query<Row>(sqlText, params);
      return result.rows;
    },
    async close() {
      await client.close();
    },
  };
}
