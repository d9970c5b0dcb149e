import { z } from "zod";
import { safeString } from "./text";

/** The longest push service endpoint the studio keeps (browsers' are a few hundred characters). */
export const PUSH_ENDPOINT_MAX = 2048;

const base64url = (bytes: number, what: string) => {
  // Unpadded base64url of `bytes` bytes (the form PushSubscription.toJSON() gives).
  const length = Math.ceil((bytes * 4) / 3);
  return safeString({ error: `Send the subscription's ${what} key.` })
    .trim()
    .regex(new RegExp(`^[A-Za-z0-9_-]{${length}}$`), {
      error: `Must be the ${bytes}-byte ${what} key in base64url (${length} characters).`,
    });
};

/** The endpoint of a push subscription: the browser's push service, over https. */
export const pushEndpointSchema = safeString({ error: "Send the subscription's endpoint." })
  .trim()
  .max(PUSH_ENDPOINT_MAX, { error: `At most ${PUSH_ENDPOINT_MAX} characters.` })
  .pipe(z.url({ protocol: /^https$/, error: "Must be an https:// push service URL." }));

/** POST /notifications/push — PushSubscription.toJSON() of this browser (expirationTime ignored). */
export const pushSubscriptionInputSchema = z.object({
  endpoint: pushEndpointSchema,
  keys: z.object(
    {
      // An uncompressed P-256 point (65 bytes) and a 16-byte auth secret (RFC 8291).
      p256dh: base64url(65, "p256dh"),
      auth: base64url(16, "auth"),
    },
    { error: "Send keys {p256dh, auth}." },
  ),
});
export type PushSubscriptionInput = z.infer<typeof pushSubscriptionInputSchema>;

/** GET /notifications/push?endpoint= — this browser's endpoint, to mark its row `current`. */
export const pushListQuerySchema = z.object({ endpoint: pushEndpointSchema.optional() });

/** DELETE /notifications/push/:id */
export const pushSubscriptionIdParamsSchema = z.object({
  id: z.uuid({ error: "Not a valid subscription id." }),
});
