import { AppError } from "@/server/http/app-error";
import { NO_SUCH_ENDPOINT, defineRoute } from "@/server/http/define-route";
import { everyMethod } from "@/server/http/route-methods";

// ANY /api/* outside /api/v1, /api/health and /api/cron — the envelope's 404, not Next's HTML page
// (/api/v1/* has its own catch-all, which the router prefers as the more specific one)
const noSuchEndpoint = defineRoute({ access: "public", checkOrigin: false }, async () => {
  throw new AppError("NOT_FOUND", NO_SUCH_ENDPOINT);
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = everyMethod(noSuchEndpoint);
