import { TEMPLATES_CACHE_CONTROL } from "@/server/http/cache-control";
import { defineRoute } from "@/server/http/define-route";
import { reply } from "@/server/http/reply";
import { routeMethods } from "@/server/http/route-methods";

// GET /api/v1/templates/categories — categories that have templates, with counts
const listTemplateCategories = defineRoute({ access: "public" }, async ({ services }) =>
  reply(await services.templates.listCategories(), {
    headers: { "cache-control": TEMPLATES_CACHE_CONTROL },
  }),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: listTemplateCategories,
});
