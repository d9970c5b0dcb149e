import { logoutAccount } from "@/server/auth/auth-service";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// POST /api/v1/auth/logout — revoke the current session
const signOut = defineRoute({ access: "user" }, async (ctx) => {
  await logoutAccount({ ...ctx, jar: ctx.cookies }, ctx.identity);
  return { loggedOut: true };
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ POST: signOut });
