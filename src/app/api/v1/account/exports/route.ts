import {
  accountExportsOverview,
  exportDepsOf,
  reshapeExport,
  runExportsAfterResponse,
  startAccountExport,
} from "@/server/account/account-exports";
import { defineRoute } from "@/server/http/define-route";
import { Reply } from "@/server/http/reply";
import { routeMethods } from "@/server/http/route-methods";

// GET /api/v1/account/exports — the export's size estimate (and whether it is prepared in the
// background) and the caller's latest exports (API keys: images:read, like the streamed export)
const listExports = defineRoute({ access: "user", scope: "images:read" }, async (ctx) => {
  const deps = exportDepsOf(ctx.services);
  return accountExportsOverview(deps, ctx.identity.userId);
});

// POST /api/v1/account/exports — start preparing everything as a ZIP in the background (202),
// or answer the one already in preparation (200); it is built after this response
const startExport = defineRoute({ access: "user", scope: "images:read" }, async (ctx) => {
  const deps = exportDepsOf(ctx.services);
  const started = await startAccountExport({ db: deps.db, userId: ctx.identity.userId });
  runExportsAfterResponse(deps);
  return new Reply(
    { export: reshapeExport(started.export) },
    { status: started.created ? 202 : 200 },
  );
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: listExports,
  POST: startExport,
});

export const maxDuration = 300;
