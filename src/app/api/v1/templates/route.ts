import { templateListQuerySchema } from "@/shared/schemas/templates";
import { TEMPLATES_CACHE_CONTROL } from "@/server/http/cache-control";
import { defineRoute } from "@/server/http/define-route";
import { reply } from "@/server/http/reply";
import { routeMethods } from "@/server/http/route-methods";

// GET /api/v1/templates — active style templates, optionally of one category
const listStyleTemplates = defineRoute(
  { access: "public", query: templateListQuerySchema },
  async ({ services, query }) =>
    reply(await services.templates.listTemplates(query), {
      headers: { "cache-control": TEMPLATES_CACHE_CONTROL },
    }),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: listStyleTemplates,
});
