import { providerKeyInputSchema } from "@/shared/schemas/settings";
import { defineRoute } from "@/server/http/define-route";

// PUT /api/v1/settings/provider-key — check the user's Gemini key with Google, then store it encrypted
export const PUT = defineRoute(
  { access: "user", body: providerKeyInputSchema },
  async ({ services, identity, body, requestId, meta }) =>
    services.providerKeys.saveGeminiKey({
      userId: identity.userId,
      apiKey: body.apiKey,
      audit: { requestId, meta },
    }),
);

// DELETE /api/v1/settings/provider-key — forget the user's Gemini key
export const DELETE = defineRoute(
  { access: "user" },
  async ({ services, identity, requestId, meta }) => {
    await services.providerKeys.deleteGeminiKey({
      userId: identity.userId,
      audit: { requestId, meta },
    });
    return { deleted: true };
  },
);
