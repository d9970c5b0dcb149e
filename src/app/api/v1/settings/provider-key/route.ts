import { providerKeyInputSchema } from "@/shared/schemas/settings";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// PUT /api/v1/settings/provider-key — check the user's Gemini key with Google, then store it encrypted
const saveProviderKey = defineRoute(
  { access: "user", body: providerKeyInputSchema },
  async ({ services, identity, body, requestId, meta }) =>
    services.providerKeys.saveGeminiKey({
      userId: identity.userId,
      apiKey: body.apiKey,
      audit: { requestId, meta },
    }),
);

// DELETE /api/v1/settings/provider-key — forget the user's Gemini key
const forgetProviderKey = defineRoute(
  { access: "user" },
  async ({ services, identity, requestId, meta }) => {
    await services.providerKeys.deleteGeminiKey({
      userId: identity.userId,
      audit: { requestId, meta },
    });
    return { deleted: true };
  },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  PUT: saveProviderKey,
  DELETE: forgetProviderKey,
});
