/**
 * `npm run storage:sweep`: lists the files in the object store (DATA_DIR/storage, or the
 * Supabase bucket) that no row owns — images' files, template previews, export parts — as a dry
 * run; `npm run storage:sweep -- --apply` removes them. On DATABASE_URL, or the embedded PGlite
 * database when it is unset (stop the dev server first: PGlite allows one process).
 */
import { parseConfig } from "../src/server/config/env";
import { openPgliteDatabase } from "../src/server/db/pglite-database";
import { openPostgresDatabase } from "../src/server/db/postgres-database";
import { sweepOrphanFiles } from "../src/server/retention/orphan-sweep";
import { createLocalObjectStore } from "../src/server/storage/local-object-store";
import { createSupabaseObjectStore } from "../src/server/storage/supabase-object-store";

export async function runStorageSweep(
  args: string[],
  env: Record<string, string | undefined>,
  print: (line: string) => void = console.log,
): Promise<{ code: number }> {
  const unknown = args.filter((arg) => arg !== "--apply");
  if (unknown.length > 0) {
    print("usage: npm run storage:sweep [-- --apply]");
    return { code: 2 };
  }
  const apply = args.includes("--apply");
  const config = parseConfig(env);
  const handle =
    config.database.kind === "postgres"
      ? openPostgresDatabase(config.database.url, { max: 1 })
      : await openPgliteDatabase(config.database.dir);
  try {
    const report = await sweepOrphanFiles({
      db: handle.db,
      objectStore:
        config.objectStore.kind === "local"
          ? createLocalObjectStore(config.objectStore.dir)
          : createSupabaseObjectStore(config.objectStore),
      apply,
    });
    for (const key of report.orphans) print(`${apply ? "removed" : "orphan"} ${key}`);
    print(
      `storage:sweep: ${report.listed} files, ${report.orphans.length} owned by no row` +
        (apply ? `, ${report.removed} removed` : " (dry run: add -- --apply to remove them)"),
    );
    return { code: 0 };
  } finally {
    await handle.close();
  }
}

// Run as a script (not when a test imports it).
if (process.argv[1]?.endsWith("storage-sweep.ts")) {
  runStorageSweep(process.argv.slice(2), process.env)
    .then(({ code }) => process.exit(code))
    .catch((error: unknown) => {
      console.error("storage:sweep failed:", error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
