import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// GET /api/v1/templates/categories — categories that have templates, with counts
const listTemplateCategories = defineRoute({ access: "public" }, async ({ services }) =>
  services.templates.listCategories(),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: listTemplateCategories,
});
