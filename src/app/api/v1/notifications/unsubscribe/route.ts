import { unsubscribeBodySchema, unsubscribeQuerySchema } from "@/shared/schemas/notifications";
import { AppError } from "@/server/http/app-error";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";
import { UNSUBSCRIBE_PAGE_PATH } from "@/server/notifications/unsubscribe-link";

// GET /api/v1/notifications/unsubscribe — a browser that opened the List-Unsubscribe URL goes
// to the page that asks first (RFC 8058: a GET, e.g. a mail scanner's, must change nothing)
const showConfirmation = defineRoute({ access: "public", query: unsubscribeQuerySchema }, (ctx) => {
  const page = new URLSearchParams({ u: ctx.query.u, s: ctx.query.s });
  return Promise.resolve(
    new Response(null, {
      status: 303,
      headers: { location: `${UNSUBSCRIBE_PAGE_PATH}?${page}`, "cache-control": "no-store" },
    }),
  );
});

// POST /api/v1/notifications/unsubscribe — turn email notifications off with a signed link, no
// sign-in (RFC 8058 one-click from mail clients, and the page's button)
const unsubscribe = defineRoute(
  {
    access: "public",
    query: unsubscribeQuerySchema,
    body: unsubscribeBodySchema,
    bodyKinds: { json: {}, form: {}, multipart: { maxBytes: 8 * 1024, files: [] } },
  },
  async (ctx) => {
    const done = await ctx.services.notifications.unsubscribe({
      userId: ctx.query.u,
      signature: ctx.query.s,
      audit: { requestId: ctx.requestId, meta: ctx.meta },
    });
    if (!done) throw new AppError("NOT_FOUND", "This unsubscribe link is not valid.");
    return { unsubscribed: true };
  },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: showConfirmation,
  POST: unsubscribe,
});
