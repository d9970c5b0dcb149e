import { defineRoute } from "@/server/http/define-route";

// GET /api/v1/templates/categories — categories that have templates, with counts
export const GET = defineRoute({ access: "public" }, async ({ services }) =>
  services.templates.listCategories(),
);
