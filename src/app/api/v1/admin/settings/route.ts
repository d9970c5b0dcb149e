import { systemSettingsPatchSchema } from "@/shared/schemas/system-settings";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// GET /api/v1/admin/settings — the studio's live settings (admins only; 404 to everyone else)
const readSystemSettings = defineRoute({ access: "admin" }, async ({ services }) =>
  services.systemSettings.get(),
);

// PATCH /api/v1/admin/settings — change some settings; each change is audited with old and new values
const changeSystemSettings = defineRoute(
  { access: "admin", body: systemSettingsPatchSchema },
  async ({ services, identity, body, requestId, meta }) =>
    services.systemSettings.update({
      actorId: identity.userId,
      patch: body,
      audit: { requestId, meta },
    }),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods(
  { GET: readSystemSettings, PATCH: changeSystemSettings },
  { access: "admin" },
);
