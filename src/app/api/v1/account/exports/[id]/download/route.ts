import { accountExportParamsSchema } from "@/shared/schemas/account";
import { openExportDownload } from "@/server/account/account-exports";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// GET /api/v1/account/exports/:id/download — a ready export's ZIP, streamed part by part from
// the store (owner only: anyone else's is 404; not ready yet is 409)
const downloadExport = defineRoute(
  { access: "user", scope: "images:read", params: accountExportParamsSchema },
  async (ctx) => {
    const download = await openExportDownload({
      db: ctx.services.database.db,
      objectStore: ctx.services.objectStore,
      userId: ctx.identity.userId,
      id: ctx.params.id,
    });
    return new Response(download.stream, {
      headers: {
        "content-type": "application/zip",
        "content-length": String(download.bytes),
        "content-disposition": `attachment; filename="${download.filename}"`,
        "cache-control": "private, no-store",
      },
    });
  },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: downloadExport,
});

export const maxDuration = 300;
