import "server-only";
import { and, isNotNull, lt, or } from "drizzle-orm";
import {
  tidyAccountExports,
  type AccountExportDeps,
  type ExportTidyReport,
} from "@/server/account/account-exports";
import { runAlertChecks, type AlertDeps, type AlertReport } from "@/server/alerts/admin-alerts";
import type { SystemSettingsService } from "@/server/admin/system-settings";
import type { Database } from "@/server/db/database";
import { localSessions } from "@/server/db/schema";
import type { MailFlushReport } from "@/server/mail/mail-outbox";
import type { MailService } from "@/server/mail/mail-service";
import { deleteExpiredIdempotencyRecords } from "@/server/generation/idempotency";
import { tidyQuotaCounters } from "@/server/quotas/quota-service";
import {
  pruneAuditLog,
  runImageRetention,
  type RetentionReport,
} from "@/server/retention/image-retention";
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
  /** Private image retention and audit log pruning (present when settings were given). */
  retention?: RetentionReport & { auditLogsDeleted: number };
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
  settings,
  now = Date.now(),
}: {
  db: Database;
  objectStore: ObjectStorePort;
  mail: Pick<MailService, "flush"> & Partial<Pick<MailService, "enqueue" | "context">>;
  exports?: AccountExportDeps;
  /** The admin alerts (src/server/alerts/admin-alerts.ts), queued before the mail flush. */
  alerts?: AlertDeps;
  /** The live settings: private image retention and audit log pruning follow them. */
  settings?: Pick<SystemSettingsService, "get">;
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
  // Retention (src/server/retention): notices queued here go out with this run's flush, the
  // files of removed images through the removal queue before the retry below.
  const retention = settings
    ? await runRetentionJobs({ db, objectStore, mail, settings, now })
    : undefined;
  return {
    ...exportReport,
    quotaCountersDeleted: await tidyQuotaCounters({ db, now }),
    idempotencyRecordsDeleted: await deleteExpiredIdempotencyRecords({ db }),
    ...rollups,
    usageLogsDeleted,
    sessionsDeleted: sessions.length,
    ...(retention ? { retention } : {}),
    ...(await retryPendingFileRemovals({ db, objectStore, now })),
    ...(alerts ? await runAlertChecks(alerts, { now }) : {}),
    ...(await mail.flush()),
  };
}

async function runRetentionJobs({
  db,
  objectStore,
  mail,
  settings,
  now,
}: {
  db: Database;
  objectStore: ObjectStorePort;
  mail: Partial<Pick<MailService, "enqueue" | "context">>;
  settings: Pick<SystemSettingsService, "get">;
  now: number;
}): Promise<RetentionReport & { auditLogsDeleted: number }> {
  const live = await settings.get();
  const enqueue = mail.enqueue?.bind(mail);
  const images =
    enqueue && mail.context
      ? await runImageRetention(
          { db, objectStore, mail: { enqueue, context: mail.context } },
          { days: live.privateImageRetentionDays, now },
        )
      : { retentionNoticesSent: 0, retentionImagesWarned: 0, retentionImagesDeleted: 0 };
  return {
    ...images,
    auditLogsDeleted: await pruneAuditLog({ db, days: live.auditRetentionDays, now }),
  };
}
