import type { Profile } from "@/shared/api-types";
import { openOfflineDb } from "./offline-db";

/*
 * The last profile the studio sent (settings, quota, user), so /generate can show its form and
 * queue prompts when it opens without a connection.
 */

const PROFILE_KEY = "profile";

export async function saveOfflineProfile(profile: Profile): Promise<void> {
  const db = await openOfflineDb();
  await db.put("meta", { key: PROFILE_KEY, value: JSON.stringify(profile) });
}

export async function readOfflineProfile(): Promise<Profile | null> {
  const db = await openOfflineDb();
  const stored = await db.get("meta", PROFILE_KEY);
  if (!stored) return null;
  try {
    return JSON.parse(stored.value) as Profile;
  } catch {
    return null;
  }
}
