import { defineRoute } from "@/server/http/define-route";
import { buildOpenApiDocument } from "@/server/openapi/openapi-document";

// GET /api/v1/openapi.json — the OpenAPI 3.1 document (not enveloped: tools read it as is)
export const GET = defineRoute({ access: "public" }, async () =>
  Response.json(buildOpenApiDocument(), { headers: { "cache-control": "public, max-age=300" } }),
);
