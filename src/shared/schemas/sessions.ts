import { z } from "zod";

/** DELETE /auth/sessions/:id */
export const sessionIdParamsSchema = z.object({ id: z.uuid({ error: "Not a valid session id." }) });
