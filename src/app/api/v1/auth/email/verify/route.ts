import { verifyEmailInputSchema } from "@/shared/schemas/auth";
import { verifyEmail } from "@/server/auth/email-service";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// POST /api/v1/auth/email/verify — confirm the account's address with the mailed token
const verifyWithToken = defineRoute({ access: "public", body: verifyEmailInputSchema }, (ctx) =>
  verifyEmail(ctx, ctx.body),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  POST: verifyWithToken,
});
