import { loginInputSchema } from "@/shared/schemas/auth";
import { loginAccount } from "@/server/auth/auth-service";
import { defineRoute } from "@/server/http/define-route";

// POST /api/v1/auth/login — sign in with email and password
export const POST = defineRoute({ access: "public", body: loginInputSchema }, async (ctx) =>
  loginAccount({ ...ctx, jar: ctx.cookies }, ctx.body),
);
