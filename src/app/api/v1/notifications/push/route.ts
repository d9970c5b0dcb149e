import { pushListQuerySchema, pushSubscriptionInputSchema } from "@/shared/schemas/push";
import { defineRoute } from "@/server/http/define-route";
import { reply } from "@/server/http/reply";
import { routeMethods } from "@/server/http/route-methods";

// No `scope`: session-only. Devices belong to a person's browsers, not to scripts.

// GET /api/v1/notifications/push — whether push is set up here, its VAPID key, the caller's devices
const overview = defineRoute(
  { access: "user", query: pushListQuerySchema },
  ({ services, identity, query }) =>
    services.push.overview({ userId: identity.userId, currentEndpoint: query.endpoint }),
);

// POST /api/v1/notifications/push — this browser's PushSubscription: notify it of unwatched work
const subscribe = defineRoute(
  { access: "user", body: pushSubscriptionInputSchema },
  async ({ services, identity, body, meta }) =>
    reply(
      await services.push.subscribe({
        userId: identity.userId,
        subscription: body,
        userAgent: meta.userAgent,
      }),
      { status: 201 },
    ),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: overview,
  POST: subscribe,
});
