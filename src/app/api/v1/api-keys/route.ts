import { apiKeyCreateSchema } from "@/shared/schemas/api-keys";
import { recordAudit } from "@/server/audit/audit-log";
import { defineRoute } from "@/server/http/define-route";
import { reply } from "@/server/http/reply";

// No `scope` on these routes: they are session-only, so an API key can never mint or revoke keys.

// GET /api/v1/api-keys — the caller's API keys that are not revoked, newest first
export const GET = defineRoute({ access: "user" }, async ({ services, identity }) =>
  services.apiKeys.list({ userId: identity.userId }),
);

// POST /api/v1/api-keys — create an API key; the full key is in this answer only
export const POST = defineRoute({ access: "user", body: apiKeyCreateSchema }, async (ctx) => {
  const created = await ctx.services.apiKeys.create({ userId: ctx.identity.userId, ...ctx.body });
  await recordAudit({
    db: ctx.services.database.db,
    action: "api_key.create",
    actorId: ctx.identity.userId,
    targetType: "api_key",
    targetId: created.apiKey.id,
    requestId: ctx.requestId,
    // Never the key: the prefix is enough to tell keys apart in the log.
    metadata: {
      prefix: created.apiKey.prefix,
      scopes: created.apiKey.scopes,
      expiresAt: created.apiKey.expiresAt,
    },
    ...ctx.meta,
  });
  return reply(created, { status: 201 });
});
