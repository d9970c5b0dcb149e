import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getTableColumns, getTableName } from "drizzle-orm";
import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/server/config/env";
import { applyMigrations, readMigrations } from "@/server/db/migrate";
import { schema } from "@/server/db/schema";
import { openDatabase } from "@/server/services";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

describe("embedded database", () => {
  it("migrates itself on first start and keeps data across restarts", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "ais-embedded-"));
    try {
      const config = parseConfig({ DATA_DIR: dataDir });
      const first = await openDatabase(config);
      await first.query("insert into auth.users (email) values ('persist@example.com')");
      await first.close();
      const second = await openDatabase(config);
      const rows = await second.query<{ email: string; name: string }>(
        "select u.email, p.name from auth.users u join public.profiles p on p.id = u.id",
      );
      expect(rows).toEqual([{ email: "persist@example.com", name: "persist" }]);
      const migrations = await second.query<{ version: string }>(
        "select version from supabase_migrations.schema_migrations order by version",
      );
      expect(migrations.map((row) => row.version)).toEqual(
        readMigrations().map((migration) => migration.version),
      );
      await second.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("migrations", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it("apply once: a second run applies nothing and changes nothing", async () => {
    expect(await applyMigrations(database)).toEqual([]);
  });

  it("create every column the Drizzle schema types, with the same names", async () => {
    const missing: string[] = [];
    for (const table of Object.values(schema) as PgTable[]) {
      const { schema: tableSchema = "public" } = getTableConfig(table);
      const rows = await database.query<{ column_name: string }>(
        "select column_name from information_schema.columns where table_schema = $1 and table_name = $2",
        [tableSchema, getTableName(table)],
      );
      const present = new Set(rows.map((row) => row.column_name));
      for (const column of Object.values(getTableColumns(table))) {
        if (!present.has(column.name))
          missing.push(`${tableSchema}.${getTableName(table)}.${column.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("index every foreseeable list query", async () => {
    const rows = await database.query<{ indexname: string }>(
      "select indexname from pg_indexes where schemaname = 'public'",
    );
    const names = rows.map((row) => row.indexname);
    for (const index of [
      "images_user_created_idx",
      "images_public_created_idx",
      "images_public_popular_idx",
      "images_search_idx",
      "images_tags_idx",
      "collections_user_created_idx",
      "collection_images_image_idx",
      "usage_logs_created_idx",
      "idempotency_records_expires_idx",
    ]) {
      expect(names).toContain(index);
    }
  });
});
