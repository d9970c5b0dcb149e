import { profilePatchSchema } from "@/shared/schemas/settings";
import { defineRoute } from "@/server/http/define-route";

// GET /api/v1/auth/profile — the caller's user, quota, settings and provider key summary
export const GET = defineRoute({ access: "user" }, async ({ services, identity }) =>
  services.users.getProfile({ userId: identity.userId }),
);

// PATCH /api/v1/auth/profile — rename the caller
export const PATCH = defineRoute(
  { access: "user", body: profilePatchSchema },
  async ({ services, identity, body, requestId, meta }) => ({
    user: await services.users.updateProfile({
      userId: identity.userId,
      patch: body,
      audit: { requestId, meta },
    }),
  }),
);
