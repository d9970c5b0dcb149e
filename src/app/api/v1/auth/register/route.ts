import { requestedLocale } from "@/i18n/locales";
import { registerInputSchema } from "@/shared/schemas/auth";
import { registerAccount } from "@/server/auth/auth-service";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";
import { reply } from "@/server/http/reply";

// POST /api/v1/auth/register — create an account and sign it in
const registerUser = defineRoute({ access: "public", body: registerInputSchema }, async (ctx) =>
  reply(
    await registerAccount(
      { ...ctx, jar: ctx.cookies, locale: requestedLocale(ctx.request.headers) ?? undefined },
      ctx.body,
    ),
    { status: 201 },
  ),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  POST: registerUser,
});
