import { streamAccountExport } from "@/server/account/account-export";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// GET /api/v1/account/export — everything of the caller's as one streamed ZIP: manifest.json,
// collections.json, settings.json and every original under images/ (API keys: images:read).
const exportAccount = defineRoute({ access: "user", scope: "images:read" }, async (ctx) => {
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(
    streamAccountExport({
      db: ctx.services.database.db,
      objectStore: ctx.services.objectStore,
      userId: ctx.identity.userId,
    }),
    {
      headers: {
        "content-type": "application/zip",
        "content-disposition": `attachment; filename="ai-image-studio-export-${stamp}.zip"`,
        "cache-control": "private, no-store",
      },
    },
  );
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: exportAccount,
});

export const maxDuration = 300;
