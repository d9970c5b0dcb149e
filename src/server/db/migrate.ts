import "server-only";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { DatabaseHandle } from "./database";

/**
 * Applies supabase/migrations in order, recording them where the Supabase CLI does
 * (supabase_migrations.schema_migrations), so `supabase db push` and this agree on what ran.
 * Where there is no Supabase `auth` schema (PGlite, a plain server) the stand-in goes first.
 */
export interface MigrationFile {
  version: string;
  name: string;
  sql: string;
}

const FILE_NAME = /^(\d{14})_([a-z0-9_]+)\.sql$/;

export function readMigrations(root = join(process.cwd(), "supabase")): MigrationFile[] {
  const dir = join(root, "migrations");
  return readdirSync(dir)
    .filter((file) => FILE_NAME.test(file))
    .sort()
    .map((file) => {
      const [, version = "", name = ""] = FILE_NAME.exec(file) ?? [];
      return { version, name, sql: readFileSync(join(dir, file), "utf8") };
    });
}

export function readAuthStandIn(root = join(process.cwd(), "supabase")): string {
  return readFileSync(join(root, "embedded", "auth-stand-in.sql"), "utf8");
}

export async function applyMigrations(
  handle: DatabaseHandle,
  options: { root?: string; log?: (line: string) => void } = {},
): Promise<string[]> {
  const log = options.log ?? (() => {});
  const applied: string[] = [];
  const [authUsers] = await handle.query<{ exists: boolean }>(
    "select to_regclass('auth.users') is not null as exists",
  );
  if (!authUsers?.exists) {
    log("auth schema not found: applying the embedded auth stand-in");
    await handle.execScript(readAuthStandIn(options.root));
  }
  await handle.execScript(`
    create schema if not exists supabase_migrations;
    create table if not exists supabase_migrations.schema_migrations (
      version text primary key,
      statements text[],
      name text
    );
  `);
  const done = new Set(
    (
      await handle.query<{ version: string }>(
        "select version from supabase_migrations.schema_migrations",
      )
    ).map((row) => row.version),
  );
  for (const migration of readMigrations(options.root)) {
    if (done.has(migration.version)) continue;
    log(`applying ${migration.version}_${migration.name}`);
    // One transaction per file, recorded inside it: a failing migration leaves nothing
    // half-applied. version and name are digits and [a-z0-9_] (FILE_NAME), safe to inline.
    await handle.execScriptAtomically(
      `${migration.sql}\n;\ninsert into supabase_migrations.schema_migrations (version, name, statements) values ('${migration.version}', '${migration.name}', '{}');`,
    );
    applied.push(migration.version);
  }
  return applied;
}
