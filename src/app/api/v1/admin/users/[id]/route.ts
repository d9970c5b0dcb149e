import { adminUserParamsSchema, adminUserPatchSchema } from "@/shared/schemas/admin-users";
import { removeAccount } from "@/server/account/account-deletion";
import { AppError } from "@/server/http/app-error";
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

// DELETE /api/v1/admin/users/:id — the account and everything in it, through the account-deletion
// path (files queued for removal, the account-deleted mail); audited as admin.user_delete
const deleteUser = defineRoute(
  { access: "admin", params: adminUserParamsSchema },
  async ({ services, identity, params, requestId, meta }) => {
    if (params.id === identity.userId) {
      throw new AppError(
        "CONFLICT",
        "You cannot delete your own account here. Use Settings → Your data, or ask another admin.",
        { reason: "SELF" },
      );
    }
    const target = await services.adminUsers.get({ userId: params.id });
    // Every session goes with the account's rows; other instances are told once it is gone.
    const sessionIds = (await services.sessions.list(target.id)).map(({ id }) => id);
    const { imagesDeleted } = await removeAccount({
      db: services.database.db,
      objectStore: services.objectStore,
      mail: services.mail,
      deleteAuthUser: (userId) => services.auth.deleteUser(userId),
      userId: target.id,
      email: target.email,
      audit: { requestId, meta },
      byAdmin: identity.userId,
    });
    await services.sessions.forgetEnded(sessionIds);
    return { deleted: true, imagesDeleted };
  },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods(
  { GET: getUser, PATCH: updateUser, DELETE: deleteUser },
  { access: "admin" },
);
