import "server-only";
import { eq, sql } from "drizzle-orm";
import { DEFAULT_LOCALE, type Locale } from "@/i18n/locales";
import type { Database } from "@/server/db/database";
import { profiles, userSettings } from "@/server/db/schema";

/**
 * The language a mail is written in: the recipient account's choice (found by its id, else by
 * the address, e.g. an admin's alert), else English. Read inside the queuing transaction, so an
 * account created in it (sign-up's verification mail) is seen with the language it starts with.
 */
export async function readRecipientLocale(
  db: Database,
  { userId, email }: { userId: string | null; email: string },
): Promise<Locale> {
  const [row] = userId
    ? await db
        .select({ locale: userSettings.locale })
        .from(userSettings)
        .where(eq(userSettings.userId, userId))
        .limit(1)
    : await db
        .select({ locale: userSettings.locale })
        .from(profiles)
        .innerJoin(userSettings, eq(userSettings.userId, profiles.id))
        .where(sql`lower(${profiles.email}) = lower(${email})`)
        .limit(1);
  return row?.locale ?? DEFAULT_LOCALE;
}
