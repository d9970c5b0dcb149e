import { checkHealth } from "@/server/health/health-service";
import { defineRoute } from "@/server/http/define-route";
import { reply } from "@/server/http/reply";
import { routeMethods } from "@/server/http/route-methods";

// GET /api/health — mode and the state of each dependency; 503 when degraded
const readHealth = defineRoute({ access: "public" }, async ({ services }) => {
  const report = await checkHealth(services);
  return reply(report, { status: report.status === "ok" ? 200 : 503 });
});

// Any other method: 405 in the envelope (Next's own answer would be a bare 405 with no body).
export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ GET: readHealth });
