import { apiKeyIdParamsSchema } from "@/shared/schemas/api-keys";
import { defineRoute } from "@/server/http/define-route";

// DELETE /api/v1/api-keys/:id — revoke one of the caller's API keys (session only, no scope)
export const DELETE = defineRoute(
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
