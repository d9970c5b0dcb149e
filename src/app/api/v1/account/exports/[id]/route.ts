import { accountExportParamsSchema } from "@/shared/schemas/account";
import {
  exportDepsOf,
  exportIsDue,
  getOwnExport,
  reshapeExport,
  runExportsAfterResponse,
} from "@/server/account/account-exports";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// GET /api/v1/account/exports/:id — one of the caller's exports: status and progress (anyone
// else's is 404). A job no runner holds (cut off by a time limit) is resumed after this answer.
const getExport = defineRoute(
  { access: "user", scope: "images:read", params: accountExportParamsSchema },
  async (ctx) => {
    const deps = exportDepsOf(ctx.services);
    const row = await getOwnExport(deps.db, ctx.identity.userId, ctx.params.id);
    if (exportIsDue(row)) runExportsAfterResponse(deps);
    return { export: reshapeExport(row) };
  },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: getExport,
});

export const maxDuration = 300;
