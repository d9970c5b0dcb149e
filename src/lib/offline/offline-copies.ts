import { openOfflineDb } from "./offline-db";

/*
 * Small JSON copies of what a page needs to open without a connection (the profile with its
 * settings and quota, the template catalog). They belong to the database's owner and go with it.
 */

const PREFIX = "copy:";

export async function saveOfflineCopy(key: string, value: unknown): Promise<void> {
  const db = await openOfflineDb();
  await db.put("meta", { key: PREFIX + key, value: JSON.stringify(value) });
}

export async function readOfflineCopy<T>(key: string): Promise<T | null> {
  const db = await openOfflineDb();
  const stored = await db.get("meta", PREFIX + key);
  if (!stored) return null;
  try {
    return JSON.parse(stored.value) as T;
  } catch {
    return null;
  }
}
