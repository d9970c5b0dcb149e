import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";
import { keepImages } from "@/server/retention/image-retention";

// POST /api/v1/retention/keep-all — keep every image the caller was told would go
const keepAll = defineRoute(
  { access: "user", scope: "images:write" },
  async ({ services, identity }) => {
    const kept = await keepImages({ db: services.database.db, userId: identity.userId, ids: null });
    return { kept: kept.length };
  },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  POST: keepAll,
});
