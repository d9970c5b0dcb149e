import { timingSafeEqual } from "node:crypto";
import { AppError } from "@/server/http/app-error";
import { defineRoute } from "@/server/http/define-route";
import { runDailyJobs } from "@/server/operations/daily-jobs";

// GET /api/cron/daily — the daily tidy, called by Vercel Cron with Authorization: Bearer $CRON_SECRET
export const GET = defineRoute({ access: "public" }, async ({ request, services }) => {
  const expected = services.config.cronSecret;
  const presented = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1];
  const matches =
    expected !== undefined &&
    presented !== undefined &&
    presented.length === expected.length &&
    timingSafeEqual(Buffer.from(presented), Buffer.from(expected));
  if (!matches) throw new AppError("UNAUTHORIZED", "Cron secret missing or wrong.");
  return runDailyJobs({ db: services.database.db, objectStore: services.objectStore });
});
