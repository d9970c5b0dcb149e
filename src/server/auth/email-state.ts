import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/server/db/database";
import { authUsers } from "@/server/db/schema";

/** The account's address and whether it is confirmed (auth.users: our stand-in with local auth, Supabase Auth's own table otherwise). */
export async function findEmailState({
  db,
  userId,
}: {
  db: Database;
  userId: string;
}): Promise<{ email: string; verified: boolean; name: string | null } | null> {
  const [row] = await db
    .select({
      email: authUsers.email,
      confirmedAt: authUsers.emailConfirmedAt,
      meta: authUsers.rawUserMetaData,
    })
    .from(authUsers)
    .where(eq(authUsers.id, userId))
    .limit(1);
  if (!row) return null;
  const name = typeof row.meta.name === "string" && row.meta.name !== "" ? row.meta.name : null;
  return { email: row.email ?? "", verified: row.confirmedAt !== null, name };
}
