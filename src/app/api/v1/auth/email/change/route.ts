import { changeEmailInputSchema } from "@/shared/schemas/auth";
import { requestEmailChange } from "@/server/auth/email-service";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// POST /api/v1/auth/email/change — ask to move the account to a new address (confirmed from there)
const askChange = defineRoute({ access: "user", body: changeEmailInputSchema }, (ctx) =>
  requestEmailChange(ctx, ctx.identity, ctx.body),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ POST: askChange });
