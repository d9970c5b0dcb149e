import postgres from "postgres";
import type { DatabaseHandle } from "@/server/db/database";
import { applyMigrations } from "@/server/db/migrate";
import { openPgliteDatabase } from "@/server/db/pglite-database";
import { openPostgresDatabase } from "@/server/db/postgres-database";

export interface TestDatabase extends DatabaseHandle {
  /** "pglite" or the server's fresh database name */
  label: string;
  url: string | undefined;
  dispose(): Promise<void>;
}

/**
 * A freshly migrated database for one test file: in-memory PGlite by default, or, when
 * TEST_DATABASE_URL is set, a new database on that server (dropped by dispose()).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const handle = await openPgliteDatabase(undefined);
    await applyMigrations(handle);
    return { ...handle, label: "pglite", url: undefined, dispose: () => handle.close() };
  }
  const name = `ais_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = openPostgresDatabase(url.toString(), { max: 8 });
  await applyMigrations(handle);
  return {
    ...handle,
    label: name,
    url: url.toString(),
    async dispose() {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
