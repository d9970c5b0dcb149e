import { apiKeyIdParamsSchema } from "@/shared/schemas/api-keys";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// DELETE /api/v1/api-keys/:id — revoke one of the caller's API keys (session only, no scope)
const revokeApiKey = defineRoute(
  { access: "user", params: apiKeyIdParamsSchema },
  async ({ services, identity, params, requestId, meta }) => {
    await services.apiKeys.revoke({
      userId: identity.userId,
      id: params.id,
      audit: { requestId, meta },
    });
    return { revoked: true };
  },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  DELETE: revokeApiKey,
});
