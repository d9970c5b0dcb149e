import "server-only";
import { and, isNotNull, lt, or } from "drizzle-orm";
import {
  tidyAccountExports,
  type AccountExportDeps,
  type ExportTidyReport,
} from "@/server/account/account-exports";
import { runAlertChecks, type AlertDeps, type AlertReport } from "@/server/alerts/admin-alerts";
import type { Database } from "@/server/db/database";
import { localSessions } from "@/server/db/schema";
import type { MailFlushReport } from "@/server/mail/mail-outbox";
import type { MailService } from "@/server/mail/mail-service";
import { deleteExpiredIdempotencyRecords } from "@/server/generation/idempotency";
import { tidyQuotaCounters } from "@/server/quotas/quota-service";
import { retryPendingFileRemovals, type FileRemovalReport } from "@/server/storage/file-removals";
import type { ObjectStorePort } from "@/server/storage/object-store-port";
import {
  pruneRolledUpUsageLogs,
  rollUpUsage,
  type RollupReport,
} from "@/server/usage/usage-rollups";

const USAGE_LOG_DAYS = 30;
const ENDED_SESSION_DAYS = 7;

export interface DailyJobsReport
  extends
    FileRemovalReport,
    MailFlushReport,
    RollupReport,
    Partial<ExportTidyReport>,
    Partial<AlertReport> {
  quotaCountersDeleted: number;
  idempotencyRecordsDeleted: number;
  usageLogsDeleted: number;
  sessionsDeleted: number;
}

/**
 * The daily tidy. Quotas reset lazily, so nothing here is needed for correctness: a missed
 * or repeated run changes nothing a user can see. Idempotent. It also finishes removing files
 * of deleted images that the object store did not confirm at the time, and sends the mail that
 * is due (retries after an outage included; see src/server/mail/mail-outbox.ts).
 */
export async function runDailyJobs({
  db,
  objectStore,
  mail,
  exports,
  alerts,
  now = Date.now(),
}: {
  db: Database;
  objectStore: ObjectStorePort;
  mail: Pick<MailService, "flush">;
  exports?: AccountExportDeps;
  /** The admin alerts (src/server/alerts/admin-alerts.ts), queued before the mail flush. */
  alerts?: AlertDeps;
  now?: number;
}): Promise<DailyJobsReport> {
  const day = 24 * 60 * 60 * 1000;
  // Finished days are rolled up first (catching up missed ones); only rolled-up days are pruned.
  const rollups = await rollUpUsage({ db, now });
  const usageLogsDeleted = await pruneRolledUpUsageLogs({ db, now, keepDays: USAGE_LOG_DAYS });
  const sessions = await db
    .delete(localSessions)
    .where(
      or(
        lt(localSessions.expiresAt, new Date(now - ENDED_SESSION_DAYS * day)),
        and(
          isNotNull(localSessions.revokedAt),
          lt(localSessions.revokedAt, new Date(now - ENDED_SESSION_DAYS * day)),
        ),
      ),
    )
    .returning({ id: localSessions.id });
  // Before the mail flush, so that an export finished here sends its mail in this run.
  const exportReport = exports ? await tidyAccountExports(exports, { now: () => now }) : {};
  return {
    ...exportReport,
    quotaCountersDeleted: await tidyQuotaCounters({ db, now }),
    idempotencyRecordsDeleted: await deleteExpiredIdempotencyRecords({ db }),
    ...rollups,
    usageLogsDeleted,
    sessionsDeleted: sessions.length,
    ...(await retryPendingFileRemovals({ db, objectStore, now })),
    ...(alerts ? await runAlertChecks(alerts, { now }) : {}),
    ...(await mail.flush()),
  };
}
