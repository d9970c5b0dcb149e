import { AppError } from "@/server/http/app-error";
import { NO_SUCH_ENDPOINT, defineRoute } from "@/server/http/define-route";
import { everyMethod } from "@/server/http/route-methods";

// ANY /api/v1/* — unknown endpoints answer in the envelope, not with an HTML page
const noSuchEndpoint = defineRoute({ access: "public", checkOrigin: false }, async () => {
  throw new AppError("NOT_FOUND", NO_SUCH_ENDPOINT);
});

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = everyMethod(noSuchEndpoint);
