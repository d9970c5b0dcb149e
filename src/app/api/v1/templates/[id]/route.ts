import { uuidParamSchema } from "@/shared/schemas/templates";
import { TEMPLATES_CACHE_CONTROL } from "@/server/http/cache-control";
import { defineRoute } from "@/server/http/define-route";
import { reply } from "@/server/http/reply";
import { routeMethods } from "@/server/http/route-methods";

// GET /api/v1/templates/:id — one active style template
const readStyleTemplate = defineRoute(
  { access: "public", params: uuidParamSchema },
  async ({ services, params }) =>
    reply(await services.templates.getTemplate({ id: params.id }), {
      headers: { "cache-control": TEMPLATES_CACHE_CONTROL },
    }),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: readStyleTemplate,
});
