import { sessionIdParamsSchema } from "@/shared/schemas/sessions";
import { endSession } from "@/server/auth/sessions-service";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// DELETE /api/v1/auth/sessions/:id — sign one of the caller's sessions out (404 for anyone else's)
const end = defineRoute(
  { access: "user", params: sessionIdParamsSchema },
  ({ services, identity, params, cookies, requestId, meta }) =>
    endSession({
      sessions: services.sessions,
      identity,
      sessionId: params.id,
      jar: cookies,
      audit: { requestId, meta },
    }),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ DELETE: end });
