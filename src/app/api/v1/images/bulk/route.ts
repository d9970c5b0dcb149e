import { bulkActionSchema } from "@/shared/schemas/gallery";
import { recordAudit } from "@/server/audit/audit-log";
import { defineRoute } from "@/server/http/define-route";

// POST /api/v1/images/bulk — delete, publish/unpublish, favorite, or (un)file many own images at once
export const POST = defineRoute(
  { access: "user", scope: "images:write", body: bulkActionSchema },
  async (ctx) => {
    const result = await ctx.services.gallery.bulk({
      userId: ctx.identity.userId,
      action: ctx.body,
    });
    if (ctx.body.action === "delete") {
      await recordAudit({
        db: ctx.services.database.db,
        action: "image.delete",
        actorId: ctx.identity.userId,
        targetType: "images",
        targetId: result.imageIds.join(",").slice(0, 2000),
        requestId: ctx.requestId,
        metadata: { count: result.affected },
        ...ctx.meta,
      });
    }
    return result;
  },
);
