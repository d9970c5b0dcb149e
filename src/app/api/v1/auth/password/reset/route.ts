import { resetPasswordInputSchema } from "@/shared/schemas/auth";
import { resetPassword } from "@/server/auth/password-service";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// POST /api/v1/auth/password/reset — set a new password with a mailed token; all sessions end
const resetWithToken = defineRoute({ access: "public", body: resetPasswordInputSchema }, (ctx) =>
  resetPassword({ ...ctx, jar: ctx.cookies }, ctx.body),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  POST: resetWithToken,
});
