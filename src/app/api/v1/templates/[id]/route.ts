import { uuidParamSchema } from "@/shared/schemas/templates";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// GET /api/v1/templates/:id — one active style template
const readStyleTemplate = defineRoute(
  { access: "public", params: uuidParamSchema },
  async ({ services, params }) => services.templates.getTemplate({ id: params.id }),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: readStyleTemplate,
});
