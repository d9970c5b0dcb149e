import { apiKeyCreateSchema } from "@/shared/schemas/api-keys";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";
import { reply } from "@/server/http/reply";

// No `scope` on these routes: they are session-only, so an API key can never mint or revoke keys.

// GET /api/v1/api-keys — the caller's API keys that are not revoked, newest first
const listApiKeys = defineRoute({ access: "user" }, async ({ services, identity }) =>
  services.apiKeys.list({ userId: identity.userId }),
);

// POST /api/v1/api-keys — create an API key; the full key is in this answer only
const createApiKey = defineRoute(
  { access: "user", body: apiKeyCreateSchema },
  async ({ services, identity, body, requestId, meta }) =>
    reply(
      await services.apiKeys.create({
        userId: identity.userId,
        ...body,
        audit: { requestId, meta },
      }),
      { status: 201 },
    ),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: listApiKeys,
  POST: createApiKey,
});
