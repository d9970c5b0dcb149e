import { pushSubscriptionIdParamsSchema } from "@/shared/schemas/push";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// DELETE /api/v1/notifications/push/:id — stop notifying one of the caller's devices (404 for anyone else's)
const remove = defineRoute(
  { access: "user", params: pushSubscriptionIdParamsSchema },
  async ({ services, identity, params }) => {
    await services.push.remove({ userId: identity.userId, id: params.id });
    return { removed: true };
  },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ DELETE: remove });
