import { resendVerification } from "@/server/auth/email-service";
import { defineRoute } from "@/server/http/define-route";
import { routeMethods } from "@/server/http/route-methods";

// POST /api/v1/auth/email/verify/resend — mail a fresh confirmation link (rate limited)
const resend = defineRoute({ access: "user" }, (ctx) => resendVerification(ctx, ctx.identity));

export const { GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE } = routeMethods({ POST: resend });
