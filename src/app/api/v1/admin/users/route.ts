import { adminUsersQuerySchema } from "@/shared/schemas/admin-users";
import { defineRoute } from "@/server/http/define-route";
import { reply } from "@/server/http/reply";
import { routeMethods } from "@/server/http/route-methods";

// GET /api/v1/admin/users — accounts, newest first, searched by email or name (admins only)
const listUsers = defineRoute(
  { access: "admin", query: adminUsersQuerySchema },
  async ({ services, query }) => {
    const page = await services.adminUsers.list({ query });
    return reply(page.items, { pagination: page.pagination });
  },
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods(
  { GET: listUsers },
  { access: "admin" },
);
