import { templateListQuerySchema } from "@/shared/schemas/templates";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// GET /api/v1/templates — active style templates, optionally of one category
const listStyleTemplates = defineRoute(
  { access: "public", query: templateListQuerySchema },
  async ({ services, query }) => services.templates.listTemplates(query),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: listStyleTemplates,
});
