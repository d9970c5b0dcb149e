import { providerKeyDeleteQuerySchema, providerKeyInputSchema } from "@/shared/schemas/settings";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// PUT /api/v1/settings/provider-key — check the user's Gemini key or Cloudflare token with the provider, then store it encrypted
const saveProviderKey = defineRoute(
  { access: "user", body: providerKeyInputSchema },
  async ({ services, identity, body, requestId, meta }) =>
    services.providerKeys.saveKey({
      ...body,
      userId: identity.userId,
      audit: { requestId, meta },
    }),
);

// DELETE /api/v1/settings/provider-key?provider=gemini|cloudflare — forget one of the user's keys (no query: Gemini)
const forgetProviderKey = defineRoute(
  { access: "user", query: providerKeyDeleteQuerySchema },
  async ({ services, identity, query, requestId, meta }) => {
    await services.providerKeys.deleteKey({
      userId: identity.userId,
      provider: query.provider,
      audit: { requestId, meta },
    });
    return { deleted: true };
  },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  PUT: saveProviderKey,
  DELETE: forgetProviderKey,
});
