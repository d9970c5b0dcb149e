import { templateListQuerySchema } from "@/shared/schemas/templates";
import { defineRoute } from "@/server/http/define-route";

// GET /api/v1/templates — active style templates, optionally of one category
export const GET = defineRoute(
  { access: "public", query: templateListQuerySchema },
  async ({ services, query }) => services.templates.listTemplates(query),
);
