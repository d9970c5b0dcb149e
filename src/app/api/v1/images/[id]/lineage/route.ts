import { imageIdParamsSchema } from "@/shared/schemas/images";
import { defineRoute } from "@/server/http/define-route";

// GET /api/v1/images/:id/lineage — the edits this image came from and the edits made from it
export const GET = defineRoute(
  { access: "optional", scope: "images:read", params: imageIdParamsSchema },
  async ({ services, identity, params }) =>
    services.images.lineage({ id: params.id, viewerId: identity?.userId ?? null }),
);
