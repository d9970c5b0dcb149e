import { adminStatsQuerySchema } from "@/shared/schemas/admin-stats";
import { defineRoute } from "@/server/http/define-route";
import { reply } from "@/server/http/reply";
import { routeMethods } from "@/server/http/route-methods";

// GET /api/v1/admin/stats?days=30 — the dashboard: usage per day, latency, storage against limits
const getStats = defineRoute(
  { access: "admin", query: adminStatsQuerySchema },
  async ({ services, query }) => reply(await services.adminStats.get({ days: query.days })),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods(
  { GET: getStats },
  { access: "admin" },
);
