import { changePasswordInputSchema } from "@/shared/schemas/auth";
import { changePassword } from "@/server/auth/password-service";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// PUT /api/v1/auth/password — change the password; every other session ends
const change = defineRoute({ access: "user", body: changePasswordInputSchema }, (ctx) =>
  changePassword(ctx, ctx.identity, ctx.body),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ PUT: change });
