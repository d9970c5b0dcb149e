import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";
import { generationTimings } from "@/server/usage/usage-log";

// GET /api/v1/generation/timings — the caller's median generation time, for the progress ETA
const readTimings = defineRoute(
  { access: "user", scope: "images:read" },
  async ({ services, identity }) =>
    generationTimings({ db: services.database.db, userId: identity.userId }),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ GET: readTimings });
