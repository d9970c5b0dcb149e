import { uuidParamSchema } from "@/shared/schemas/templates";
import { defineRoute } from "@/server/http/define-route";

// GET /api/v1/templates/:id — one active style template
export const GET = defineRoute(
  { access: "public", params: uuidParamSchema },
  async ({ services, params }) => services.templates.getTemplate({ id: params.id }),
);
