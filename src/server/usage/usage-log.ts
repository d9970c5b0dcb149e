import "server-only";
import { and, desc, eq, isNotNull, ne } from "drizzle-orm";
import type { GenerationTimings } from "@/shared/api-types";
import type { Database } from "@/server/db/database";
import { usageLogs } from "@/server/db/schema";
import { logger } from "@/server/observability/logger";

export type UsageAction = "image.generate" | "image.edit" | "image.variation";
/**
 * Prompt enhancements are logged too (who, which model, how it went), but they are not
 * generations: the dashboard's counts, latency, alerts and the progress ETA leave them out.
 */
export const ENHANCE_ACTION = "prompt.enhance";

/** Records one generation attempt. Never throws: usage accounting must not fail a request. */
export async function recordUsage(
  db: Database,
  entry: {
    userId: string;
    action: UsageAction | typeof ENHANCE_ACTION;
    status: "success" | "failure";
    imageId?: string | null;
    provider?: string | null;
    model?: string | null;
    errorCode?: string | null;
    durationMs?: number | null;
    requestId?: string | null;
  },
): Promise<void> {
  try {
    await db.insert(usageLogs).values({
      userId: entry.userId,
      action: entry.action,
      status: entry.status,
      imageId: entry.imageId ?? null,
      provider: entry.provider ?? null,
      model: entry.model ?? null,
      errorCode: entry.errorCode ?? null,
      durationMs: entry.durationMs ?? null,
      requestId: entry.requestId ?? null,
    });
  } catch (error) {
    logger.error("usage log write failed", { requestId: entry.requestId, error });
  }
}

/** The median duration of the user's last 20 successful generations, for the progress ETA. */
export async function generationTimings({
  db,
  userId,
}: {
  db: Database;
  userId: string;
}): Promise<GenerationTimings> {
  const rows = await db
    .select({ durationMs: usageLogs.durationMs })
    .from(usageLogs)
    .where(
      and(
        eq(usageLogs.userId, userId),
        eq(usageLogs.status, "success"),
        ne(usageLogs.action, ENHANCE_ACTION),
        isNotNull(usageLogs.durationMs),
      ),
    )
    .orderBy(desc(usageLogs.createdAt))
    .limit(20);
  const durations = rows.map((row) => row.durationMs ?? 0).sort((a, b) => a - b);
  if (durations.length === 0) return { medianMs: null, samples: 0 };
  const middle = Math.floor(durations.length / 2);
  const median =
    durations.length % 2
      ? durations[middle]!
      : Math.round((durations[middle - 1]! + durations[middle]!) / 2);
  return { medianMs: median, samples: durations.length };
}
