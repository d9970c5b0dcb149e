import { logoutAccount } from "@/server/auth/auth-service";
import { defineRoute } from "@/server/http/define-route";

// POST /api/v1/auth/logout — revoke the current session
export const POST = defineRoute({ access: "user" }, async (ctx) => {
  await logoutAccount({ ...ctx, jar: ctx.cookies }, ctx.identity);
  return { loggedOut: true };
});
