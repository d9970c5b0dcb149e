import { providerKeyInputSchema } from "@/shared/schemas/settings";
import { recordAudit } from "@/server/audit/audit-log";
import { defineRoute } from "@/server/http/define-route";

// PUT /api/v1/settings/provider-key — check the user's Gemini key with Google, then store it encrypted
export const PUT = defineRoute({ access: "user", body: providerKeyInputSchema }, async (ctx) => {
  const info = await ctx.services.providerKeys.saveGeminiKey({
    userId: ctx.identity.userId,
    apiKey: ctx.body.apiKey,
  });
  await recordAudit({
    db: ctx.services.database.db,
    action: "provider_key.save",
    actorId: ctx.identity.userId,
    requestId: ctx.requestId,
    metadata: { provider: "gemini", last4: info.last4 },
    ...ctx.meta,
  });
  return info;
});

// DELETE /api/v1/settings/provider-key — forget the user's Gemini key
export const DELETE = defineRoute({ access: "user" }, async (ctx) => {
  await ctx.services.providerKeys.deleteGeminiKey({ userId: ctx.identity.userId });
  await recordAudit({
    db: ctx.services.database.db,
    action: "provider_key.delete",
    actorId: ctx.identity.userId,
    requestId: ctx.requestId,
    ...ctx.meta,
  });
  return { deleted: true };
});
