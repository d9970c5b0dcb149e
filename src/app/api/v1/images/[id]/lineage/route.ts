import { imageIdParamsSchema } from "@/shared/schemas/images";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// GET /api/v1/images/:id/lineage — the edits this image came from and the edits made from it
const readLineage = defineRoute(
  { access: "optional", scope: "images:read", params: imageIdParamsSchema },
  async ({ services, identity, params }) =>
    services.images.lineage({ id: params.id, viewerId: identity?.userId ?? null }),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ GET: readLineage });
