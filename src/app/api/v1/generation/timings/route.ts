import { defineRoute } from "@/server/http/define-route";
import { generationTimings } from "@/server/usage/usage-log";

// GET /api/v1/generation/timings — the caller's median generation time, for the progress ETA
export const GET = defineRoute(
  { access: "user", scope: "images:read" },
  async ({ services, identity }) =>
    generationTimings({ db: services.database.db, userId: identity.userId }),
);
