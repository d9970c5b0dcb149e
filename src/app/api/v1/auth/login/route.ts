import { loginInputSchema } from "@/shared/schemas/auth";
import { loginAccount } from "@/server/auth/auth-service";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// POST /api/v1/auth/login — sign in with email and password
const signIn = defineRoute({ access: "public", body: loginInputSchema }, async (ctx) =>
  loginAccount({ ...ctx, jar: ctx.cookies }, ctx.body),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ POST: signIn });
