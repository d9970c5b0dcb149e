import { localeOfHeaders } from "@/i18n/locales";
import { settingsPatchSchema } from "@/shared/schemas/settings";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// GET /api/v1/settings — the caller's preferences
const readSettings = defineRoute({ access: "user" }, async ({ services, identity, request }) =>
  services.users.getSettings({
    userId: identity.userId,
    fallbackLocale: localeOfHeaders(request.headers),
  }),
);

// PATCH /api/v1/settings — change some preferences
const changeSettings = defineRoute(
  { access: "user", body: settingsPatchSchema },
  async ({ services, identity, body, requestId, meta, request }) =>
    services.users.updateSettings({
      userId: identity.userId,
      patch: body,
      audit: { requestId, meta },
      fallbackLocale: localeOfHeaders(request.headers),
    }),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: readSettings,
  PATCH: changeSettings,
});
