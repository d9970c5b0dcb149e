import { imageIdParamsSchema } from "@/shared/schemas/images";
import { notFound } from "@/server/http/app-error";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";
import { keepImages, ownsImage, unkeepImages } from "@/server/retention/image-retention";

// POST /api/v1/images/:id/keep — exempt the image from private image retention, until un-kept
const keepImage = defineRoute(
  { access: "user", scope: "images:write", params: imageIdParamsSchema },
  async ({ services, identity, params }) => {
    const db = services.database.db;
    if (!(await ownsImage(db, identity.userId, params.id))) throw notFound("Image");
    await keepImages({ db, userId: identity.userId, ids: [params.id] });
    return { id: params.id, kept: true };
  },
);

// DELETE /api/v1/images/:id/keep — back under retention, with a fresh week's notice before it goes
const unkeepImage = defineRoute(
  { access: "user", scope: "images:write", params: imageIdParamsSchema },
  async ({ services, identity, params }) => {
    const db = services.database.db;
    if (!(await ownsImage(db, identity.userId, params.id))) throw notFound("Image");
    await unkeepImages({ db, userId: identity.userId, ids: [params.id] });
    return { id: params.id, kept: false };
  },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  POST: keepImage,
  DELETE: unkeepImage,
});
