import { exportDepsOf } from "@/server/account/account-exports";
import { AppError } from "@/server/http/app-error";
import { defineRoute } from "@/server/http/define-route";
import { runDailyJobs } from "@/server/operations/daily-jobs";
import { secretsMatch } from "@/server/security/secret-compare";

// GET /api/cron/daily — the daily tidy, called by Vercel Cron with Authorization: Bearer $CRON_SECRET
export const GET = defineRoute({ access: "public" }, async ({ request, services }) => {
  const presented = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1];
  if (!secretsMatch(presented, services.config.cronSecret))
    throw new AppError("UNAUTHORIZED", "Cron secret missing or wrong.");
  // Jobs whose process died are failed and refunded before the day's other work.
  const generationsReaped = await services.generation.reapStale();
  const report = await runDailyJobs({
    db: services.database.db,
    objectStore: services.objectStore,
    mail: services.mail,
    exports: exportDepsOf(services),
    settings: services.systemSettings,
    alerts: {
      db: services.database.db,
      mail: services.mail,
      storage: () => services.storageBudget.usage(),
    },
  });
  return { ...report, generationsReaped };
});
