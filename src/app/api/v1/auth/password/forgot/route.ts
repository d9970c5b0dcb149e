import { forgotPasswordInputSchema } from "@/shared/schemas/auth";
import { forgotPassword } from "@/server/auth/password-service";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// POST /api/v1/auth/password/forgot — mail a reset link; the same answer for any email
const requestReset = defineRoute({ access: "public", body: forgotPasswordInputSchema }, (ctx) =>
  forgotPassword(ctx, ctx.body),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  POST: requestReset,
});
