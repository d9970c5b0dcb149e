/**
 * `npm run db:migrate`: applies supabase/migrations to DATABASE_URL (or the embedded PGlite
 * database when it is unset), recording them where the Supabase CLI does.
 */
import { applyMigrations } from "../src/server/db/migrate";
import { openPgliteDatabase } from "../src/server/db/pglite-database";
import { openPostgresDatabase } from "../src/server/db/postgres-database";
import { parseConfig } from "../src/server/config/env";

async function main() {
  const config = parseConfig(process.env);
  const handle =
    config.database.kind === "postgres"
      ? openPostgresDatabase(config.database.url, { max: 1 })
      : await openPgliteDatabase(config.database.dir);
  const target =
    config.database.kind === "postgres" ? new URL(config.database.url).host : config.database.dir;
  console.log(`db:migrate: applying migrations to ${config.database.kind} (${target})`);
  try {
    const applied = await applyMigrations(handle, { log: (line) => console.log(`  ${line}`) });
    console.log(
      applied.length
        ? `db:migrate: applied ${applied.length} migration(s)`
        : "db:migrate: already up to date",
    );
  } finally {
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error("db:migrate failed:", error instanceof Error ? error.message : error);
  process.exit(1);
});
