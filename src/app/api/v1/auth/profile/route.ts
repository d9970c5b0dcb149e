import { profilePatchSchema } from "@/shared/schemas/settings";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// GET /api/v1/auth/profile — the caller's user, quota, settings and provider key summary
const readProfile = defineRoute({ access: "user" }, async ({ services, identity }) =>
  services.users.getProfile({ userId: identity.userId }),
);

// PATCH /api/v1/auth/profile — rename the caller
const renameUser = defineRoute(
  { access: "user", body: profilePatchSchema },
  async ({ services, identity, body, requestId, meta }) => ({
    user: await services.users.updateProfile({
      userId: identity.userId,
      patch: body,
      audit: { requestId, meta },
    }),
  }),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: readProfile,
  PATCH: renameUser,
});
