import { refreshInputSchema } from "@/shared/schemas/auth";
import { refreshSession } from "@/server/auth/auth-service";
import { defineRoute } from "@/server/http/define-route";

// POST /api/v1/auth/refresh — rotate a refresh token for a new access token
export const POST = defineRoute({ access: "public", body: refreshInputSchema }, async (ctx) =>
  refreshSession(ctx, ctx.body.refreshToken),
);
