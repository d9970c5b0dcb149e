import { apiKeyIdParamsSchema } from "@/shared/schemas/api-keys";
import { recordAudit } from "@/server/audit/audit-log";
import { defineRoute } from "@/server/http/define-route";

// DELETE /api/v1/api-keys/:id — revoke one of the caller's API keys (session only, no scope)
export const DELETE = defineRoute({ access: "user", params: apiKeyIdParamsSchema }, async (ctx) => {
  const revoked = await ctx.services.apiKeys.revoke({
    userId: ctx.identity.userId,
    id: ctx.params.id,
  });
  await recordAudit({
    db: ctx.services.database.db,
    action: "api_key.revoke",
    actorId: ctx.identity.userId,
    targetType: "api_key",
    targetId: revoked.id,
    requestId: ctx.requestId,
    metadata: { prefix: revoked.prefix },
    ...ctx.meta,
  });
  return { revoked: true };
});
