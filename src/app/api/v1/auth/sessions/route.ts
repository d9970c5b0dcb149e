import { endOtherSessions, listSessions } from "@/server/auth/sessions-service";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// No `scope`: session-only. An API key is not a session and may not end one.

// GET /api/v1/auth/sessions — the caller's live sessions (devices), this one first
const list = defineRoute({ access: "user" }, ({ services, identity }) =>
  listSessions({ sessions: services.sessions, identity }),
);

// DELETE /api/v1/auth/sessions — sign out everywhere else: every session but this one ends
const endOthers = defineRoute(
  { access: "user" },
  ({ services, identity, cookies, requestId, meta }) =>
    endOtherSessions({
      sessions: services.sessions,
      identity,
      jar: cookies,
      audit: { requestId, meta },
    }),
);

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({
  GET: list,
  DELETE: endOthers,
});
