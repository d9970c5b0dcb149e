import "server-only";
import { and, asc, eq, getTableColumns, isNull } from "drizzle-orm";
import type { Locale } from "@/i18n/locales";
import type { Database } from "@/server/db/database";
import { authUsers, profiles, providerKeys, userSettings } from "@/server/db/schema";

export type ProfileRow = typeof profiles.$inferSelect;
export type SettingsRow = typeof userSettings.$inferSelect;

/** A profile with its auth user's email confirmation (null: not confirmed, or no auth row). */
export type UserRow = ProfileRow & { emailConfirmedAt: Date | null };

export async function getProfileRow({
  db,
  userId,
}: {
  db: Database;
  userId: string;
}): Promise<UserRow | null> {
  const [row] = await db
    .select({ ...getTableColumns(profiles), emailConfirmedAt: authUsers.emailConfirmedAt })
    .from(profiles)
    .leftJoin(authUsers, eq(authUsers.id, profiles.id))
    .where(eq(profiles.id, userId))
    .limit(1);
  return row ?? null;
}

/** Makes sure a profile exists (Supabase mode: the auth trigger normally made it already). */
export async function ensureProfileRow({
  db,
  userId,
  email,
  name,
  locale,
}: {
  db: Database;
  userId: string;
  email: string;
  name: string;
  /** The language the account starts with (the sign-up request's), when known. */
  locale?: Locale;
}): Promise<void> {
  await db
    .insert(profiles)
    .values({ id: userId, email, name, role: "user", tier: "free" })
    .onConflictDoNothing();
  await db
    .insert(userSettings)
    .values({
      userId,
      emailNotifications: true,
      defaultQuality: "standard",
      defaultAspectRatio: "1:1",
      autoSaveGallery: true,
      enableOfflineCache: true,
    })
    .onConflictDoNothing();
  if (locale) {
    // The row may come from the auth trigger (Supabase mode): fill the language in once.
    await db
      .update(userSettings)
      .set({ locale })
      .where(and(eq(userSettings.userId, userId), isNull(userSettings.locale)));
  }
}

export async function getSettingsRow({
  db,
  userId,
}: {
  db: Database;
  userId: string;
}): Promise<SettingsRow | null> {
  const [row] = await db
    .select()
    .from(userSettings)
    .where(eq(userSettings.userId, userId))
    .limit(1);
  return row ?? null;
}

export async function updateSettingsRow({
  db,
  userId,
  patch,
}: {
  db: Database;
  userId: string;
  patch: Partial<Omit<SettingsRow, "userId" | "updatedAt">>;
}): Promise<SettingsRow | null> {
  const [row] = await db
    .update(userSettings)
    .set(patch)
    .where(eq(userSettings.userId, userId))
    .returning();
  return row ?? null;
}

export async function updateProfileName({
  db,
  userId,
  name,
}: {
  db: Database;
  userId: string;
  name: string;
}): Promise<ProfileRow | null> {
  const [row] = await db.update(profiles).set({ name }).where(eq(profiles.id, userId)).returning();
  return row ?? null;
}

/** Every provider key the user stored, as Settings lists them (never the key itself). */
export async function listProviderKeyInfo({ db, userId }: { db: Database; userId: string }) {
  return db
    .select({
      provider: providerKeys.provider,
      last4: providerKeys.last4,
      validatedAt: providerKeys.validatedAt,
    })
    .from(providerKeys)
    .where(eq(providerKeys.userId, userId))
    .orderBy(asc(providerKeys.provider));
}

export async function getProviderKeyInfo({ db, userId }: { db: Database; userId: string }) {
  const [row] = await db
    .select({
      provider: providerKeys.provider,
      last4: providerKeys.last4,
      validatedAt: providerKeys.validatedAt,
    })
    .from(providerKeys)
    .where(and(eq(providerKeys.userId, userId), eq(providerKeys.provider, "gemini")))
    .limit(1);
  return row ?? null;
}
