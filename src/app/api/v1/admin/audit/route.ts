import { adminAuditQuerySchema } from "@/shared/schemas/admin-audit";
import { defineRoute } from "@/server/http/define-route";
import { reply } from "@/server/http/reply";
import { routeMethods } from "@/server/http/route-methods";

// GET /api/v1/admin/audit — audit entries, newest first, filtered; format=csv downloads them all
const listAudit = defineRoute(
  { access: "admin", query: adminAuditQuerySchema },
  async ({ services, query }) => {
    if (query.format === "csv") {
      const day = new Date().toISOString().slice(0, 10);
      return new Response(services.adminAudit.csv({ query }), {
        headers: {
          "content-type": "text/csv; charset=utf-8",
          "content-disposition": `attachment; filename="audit-log-${day}.csv"`,
          "cache-control": "private, no-store",
        },
      });
    }
    const page = await services.adminAudit.list({ query });
    return reply(page.items, { pagination: page.pagination });
  },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods(
  { GET: listAudit },
  { access: "admin" },
);
