import { checkHealth } from "@/server/health/health-service";
import { defineRoute } from "@/server/http/define-route";
import { reply } from "@/server/http/reply";

// GET /api/health — mode and the state of each dependency; 503 when degraded
export const GET = defineRoute({ access: "public" }, async ({ services }) => {
  const report = await checkHealth(services);
  return reply(report, { status: report.status === "ok" ? 200 : 503 });
});
