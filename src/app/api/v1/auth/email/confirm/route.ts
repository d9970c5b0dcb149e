import { confirmEmailChangeInputSchema } from "@/shared/schemas/auth";
import { confirmEmailChange } from "@/server/auth/email-service";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// POST /api/v1/auth/email/confirm — move the account to the new address with the token mailed there
const confirmChange = defineRoute(
  { access: "public", body: confirmEmailChangeInputSchema },
  (ctx) => confirmEmailChange(ctx, ctx.body),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  POST: confirmChange,
});
