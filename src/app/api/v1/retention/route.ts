import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";
import { retentionOverview } from "@/server/retention/image-retention";

// GET /api/v1/retention — the caller's private images that will be removed by the retention policy, and when
const readRetention = defineRoute(
  { access: "user", scope: "images:read" },
  async ({ services, identity }) => {
    const settings = await services.systemSettings.get();
    return retentionOverview({
      db: services.database.db,
      userId: identity.userId,
      days: settings.privateImageRetentionDays,
    });
  },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: readRetention,
});
