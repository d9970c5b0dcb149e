import type { NextRequest } from "next/server";
import { exportDepsOf } from "@/server/account/account-exports";
import { AppError } from "@/server/http/app-error";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";
import { runDailyJobs } from "@/server/operations/daily-jobs";
import type { Services } from "@/server/services";
import { secretsMatch } from "@/server/security/secret-compare";

function assertCronSecret(request: NextRequest, services: Services) {
  const presented = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1];
  if (!secretsMatch(presented, services.config.cronSecret))
    throw new AppError("UNAUTHORIZED", "Cron secret missing or wrong.");
}

// GET /api/cron/daily — the daily tidy, called by Vercel Cron with Authorization: Bearer $CRON_SECRET
const runDaily = defineRoute({ access: "public" }, async ({ request, services }) => {
  assertCronSecret(request, services);
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

const ALLOWED = ["GET", "HEAD"];

// Any other method — the contract's "anything else → 401" first, so only the secret's holder
// learns which method to use; with the secret, 405 in the envelope.
const otherMethod = defineRoute(
  { access: "public", checkOrigin: false },
  async ({ request, services }) => {
    assertCronSecret(request, services);
    throw new AppError(
      "METHOD_NOT_ALLOWED",
      `${request.method} is not allowed here. Use GET.`,
      { allow: ALLOWED },
      { headers: { Allow: ALLOWED.join(", ") } },
    );
  },
);

export const { GET, HEAD } = routeMethods({ GET: runDaily });
export const OPTIONS = otherMethod;
export const POST = otherMethod;
export const PUT = otherMethod;
export const PATCH = otherMethod;
export const DELETE = otherMethod;
