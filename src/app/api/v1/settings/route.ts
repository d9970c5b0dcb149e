import { settingsPatchSchema } from "@/shared/schemas/settings";
import { defineRoute } from "@/server/http/define-route";

// GET /api/v1/settings — the caller's preferences
export const GET = defineRoute({ access: "user" }, async ({ services, identity }) =>
  services.users.getSettings({ userId: identity.userId }),
);

// PATCH /api/v1/settings — change some preferences
export const PATCH = defineRoute(
  { access: "user", body: settingsPatchSchema },
  async ({ services, identity, body, requestId, meta }) =>
    services.users.updateSettings({
      userId: identity.userId,
      patch: body,
      audit: { requestId, meta },
    }),
);
