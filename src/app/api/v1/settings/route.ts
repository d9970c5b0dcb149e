import { settingsPatchSchema } from "@/shared/schemas/settings";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// GET /api/v1/settings — the caller's preferences
const readSettings = defineRoute({ access: "user" }, async ({ services, identity }) =>
  services.users.getSettings({ userId: identity.userId }),
);

// PATCH /api/v1/settings — change some preferences
const changeSettings = defineRoute(
  { access: "user", body: settingsPatchSchema },
  async ({ services, identity, body, requestId, meta }) =>
    services.users.updateSettings({
      userId: identity.userId,
      patch: body,
      audit: { requestId, meta },
    }),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: readSettings,
  PATCH: changeSettings,
});
