import { adminUserParamsSchema, adminUserPatchSchema } from "@/shared/schemas/admin-users";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// GET /api/v1/admin/users/:id — one account with its usage and storage (admins only)
const getUser = defineRoute(
  { access: "admin", params: adminUserParamsSchema },
  async ({ services, params }) => ({ user: await services.adminUsers.get({ userId: params.id }) }),
);

// PATCH /api/v1/admin/users/:id — role, limits, suspension; audited with before and after
const updateUser = defineRoute(
  { access: "admin", params: adminUserParamsSchema, body: adminUserPatchSchema },
  async ({ services, identity, params, body, requestId, meta }) => ({
    user: await services.adminUsers.update({
      actorId: identity.userId,
      userId: params.id,
      patch: body,
      audit: { requestId, meta },
    }),
  }),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: getUser,
  PATCH: updateUser,
});
