import { refreshInputSchema } from "@/shared/schemas/auth";
import { refreshSession } from "@/server/auth/auth-service";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// POST /api/v1/auth/refresh — rotate a refresh token for a new access token
const refreshTokens = defineRoute({ access: "public", body: refreshInputSchema }, async (ctx) =>
  refreshSession(ctx, ctx.body.refreshToken),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  POST: refreshTokens,
});
