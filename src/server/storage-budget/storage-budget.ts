import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/server/db/database";
import { rowsOf } from "@/server/db/rows";
import { AppError } from "@/server/http/app-error";

export interface StorageLimits {
  filesBytes: number;
  databaseBytes: number;
}

export interface StorageUsage {
  filesBytes: number;
  databaseBytes: number;
  filesLimitBytes: number;
  databaseLimitBytes: number;
}

/** The warning thresholds (percent of a limit) that mail the admins once per crossing. */
export const STORAGE_THRESHOLDS = [80, 90] as const;

/**
 * Bytes stored now: the image files (sum of images.total_bytes, the same figure as the admin
 * dashboard) and the database (pg_database_size, which PGlite answers for its own files).
 */
export async function measureStorage(db: Database, limits: StorageLimits): Promise<StorageUsage> {
  const [row] = rowsOf<{ files: string | number | null; database: string | number | null }>(
    await db.execute(sql`
      select (select coalesce(sum(total_bytes), 0) from public.images)::text as files,
             pg_database_size(current_database())::text as database`),
  );
  return {
    filesBytes: Number(row?.files ?? 0),
    databaseBytes: Number(row?.database ?? 0),
    filesLimitBytes: limits.filesBytes,
    databaseLimitBytes: limits.databaseBytes,
  };
}

export interface StorageBudget {
  /** Usage, measured at most once per `cacheMs` on this instance. */
  usage(): Promise<StorageUsage>;
  /**
   * Refuses new work when files or the database have reached their limit: 503
   * SERVICE_UNAVAILABLE with details.reason STORAGE_FULL (and which resource is full).
   */
  assertRoom(): Promise<void>;
  /** Forget the cached figure (tests, or after a large removal). */
  invalidate(): void;
}

export const STORAGE_CACHE_MS = 60_000;

export function createStorageBudget({
  db,
  limits,
  cacheMs = STORAGE_CACHE_MS,
  now = Date.now,
}: {
  db: Database;
  limits: StorageLimits;
  cacheMs?: number;
  now?: () => number;
}): StorageBudget {
  let cached: { at: number; usage: Promise<StorageUsage> } | null = null;
  function usage(): Promise<StorageUsage> {
    const at = now();
    if (!cached || at - cached.at >= cacheMs) {
      const measuring = measureStorage(db, limits);
      cached = { at, usage: measuring };
      // A failed measurement is not kept: the next call measures again.
      measuring.catch(() => {
        if (cached?.usage === measuring) cached = null;
      });
    }
    return cached.usage;
  }
  return {
    usage,
    async assertRoom() {
      const current = await usage();
      const full: ("files" | "database")[] = [];
      if (current.filesLimitBytes > 0 && current.filesBytes >= current.filesLimitBytes)
        full.push("files");
      if (current.databaseLimitBytes > 0 && current.databaseBytes >= current.databaseLimitBytes)
        full.push("database");
      if (full.length === 0) return;
      throw new AppError(
        "SERVICE_UNAVAILABLE",
        "The studio's storage is full, so new images cannot be made right now. An admin has been told; try again later.",
        { reason: "STORAGE_FULL", full },
      );
    },
    invalidate() {
      cached = null;
    },
  };
}
