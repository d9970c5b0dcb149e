import { deleteAccountInputSchema } from "@/shared/schemas/account";
import { deleteAccount } from "@/server/account/account-deletion";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";
import { logger } from "@/server/observability/logger";

// DELETE /api/v1/account — the account and everything in it, for good (session only: no API
// key may do this). Body: { email, password? } (password: local accounts;
// `confirmEmail` is still taken for `email`).
const removeAccount = defineRoute(
  { access: "user", body: deleteAccountInputSchema },
  async (ctx) => {
    // Every session of the account goes with its rows; other instances must not keep trusting
    // the ones they remember, so they are told once the account is gone.
    const sessionIds = (await ctx.services.sessions.list(ctx.identity.userId)).map(({ id }) => id);
    const { imagesDeleted } = await deleteAccount({
      db: ctx.services.database.db,
      objectStore: ctx.services.objectStore,
      mail: ctx.services.mail,
      authKind: ctx.services.auth.kind,
      deleteAuthUser: (userId) => ctx.services.auth.deleteUser(userId),
      identity: ctx.identity,
      typedEmail: ctx.body.email,
      password: ctx.body.password,
      audit: { requestId: ctx.requestId, meta: ctx.meta },
    });
    await ctx.services.sessions.forgetEnded(sessionIds);
    // The session's rows are gone with the account; this forgets it and clears the cookies.
    await ctx.services.auth.logout(ctx.identity, ctx.cookies).catch((error: unknown) => {
      logger.warn("session end after account deletion failed", { error });
    });
    return { deleted: true, imagesDeleted };
  },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  DELETE: removeAccount,
});
