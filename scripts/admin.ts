/**
 * `npm run admin -- grant <email>` / `npm run admin -- revoke <email>`: makes an account an admin
 * (or a user again) on a running database: DATABASE_URL, or the embedded PGlite database when it
 * is unset (stop the dev server first: PGlite allows one process). The change is audited.
 */
import { setAdminRole, systemAuditContext } from "../src/server/admin/admins";
import { parseConfig } from "../src/server/config/env";
import { openPgliteDatabase } from "../src/server/db/pglite-database";
import { openPostgresDatabase } from "../src/server/db/postgres-database";
import { AppError } from "../src/server/http/app-error";

const USAGE = "usage: npm run admin -- grant <email> | revoke <email>";

export async function runAdminCommand(
  args: string[],
  env: Record<string, string | undefined>,
): Promise<{ code: number; message: string }> {
  const [command, email, ...rest] = args;
  if ((command !== "grant" && command !== "revoke") || !email || rest.length > 0)
    return { code: 2, message: USAGE };
  const config = parseConfig(env);
  const handle =
    config.database.kind === "postgres"
      ? openPostgresDatabase(config.database.url, { max: 1 })
      : await openPgliteDatabase(config.database.dir);
  try {
    const result = await setAdminRole({
      db: handle.db,
      email,
      admin: command === "grant",
      source: "admin-script",
      audit: systemAuditContext("admin-script"),
    });
    const role = command === "grant" ? "an admin" : "not an admin";
    return {
      code: 0,
      message: result.changed
        ? `admin: ${email} is now ${role}`
        : `admin: ${email} was already ${role}; nothing changed`,
    };
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND")
      return { code: 1, message: `admin: ${error.message}` };
    throw error;
  } finally {
    await handle.close();
  }
}

// Run as a script (not when a test imports it).
if (process.argv[1]?.endsWith("admin.ts")) {
  runAdminCommand(process.argv.slice(2), process.env)
    .then(({ code, message }) => {
      (code === 0 ? console.log : console.error)(message);
      process.exit(code);
    })
    .catch((error: unknown) => {
      console.error("admin failed:", error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
