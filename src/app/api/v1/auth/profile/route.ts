import { profilePatchSchema } from "@/shared/schemas/settings";
import { recordAudit } from "@/server/audit/audit-log";
import { defineRoute } from "@/server/http/define-route";

// GET /api/v1/auth/profile — the caller's user, quota, settings and provider key summary
export const GET = defineRoute({ access: "user" }, async ({ services, identity }) =>
  services.users.getProfile({ userId: identity.userId }),
);

// PATCH /api/v1/auth/profile — rename the caller
export const PATCH = defineRoute({ access: "user", body: profilePatchSchema }, async (ctx) => {
  const user = await ctx.services.users.updateProfile({
    userId: ctx.identity.userId,
    patch: ctx.body,
  });
  await recordAudit({
    db: ctx.services.database.db,
    action: "profile.update",
    actorId: ctx.identity.userId,
    requestId: ctx.requestId,
    ...ctx.meta,
  });
  return { user };
});
