import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";
import { buildOpenApiDocument } from "@/server/openapi/openapi-document";

// GET /api/v1/openapi.json — the OpenAPI 3.1 document (not enveloped: tools read it as is)
const readOpenApiDocument = defineRoute({ access: "public" }, async () =>
  Response.json(buildOpenApiDocument(), { headers: { "cache-control": "public, max-age=300" } }),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: readOpenApiDocument,
});
