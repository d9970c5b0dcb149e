import { settingsPatchSchema } from "@/shared/schemas/settings";
import { recordAudit } from "@/server/audit/audit-log";
import { defineRoute } from "@/server/http/define-route";

// GET /api/v1/settings — the caller's preferences
export const GET = defineRoute({ access: "user" }, async ({ services, identity }) =>
  services.users.getSettings({ userId: identity.userId }),
);

// PATCH /api/v1/settings — change some preferences
export const PATCH = defineRoute({ access: "user", body: settingsPatchSchema }, async (ctx) => {
  const settings = await ctx.services.users.updateSettings({
    userId: ctx.identity.userId,
    patch: ctx.body,
  });
  await recordAudit({
    db: ctx.services.database.db,
    action: "settings.update",
    actorId: ctx.identity.userId,
    requestId: ctx.requestId,
    metadata: { fields: Object.keys(ctx.body) },
    ...ctx.meta,
  });
  return settings;
});
