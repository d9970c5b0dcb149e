import "server-only";
import { unsubscribeQuerySchema } from "@/shared/schemas/notifications";
import { getServices } from "@/server/services";
import type { PageSearchParams } from "./gallery-page-data";

export type UnsubscribeTarget =
  | { kind: "valid"; u: string; s: string; maskedEmail: string; alreadyOff: boolean }
  | { kind: "invalid" };

/**
 * /unsubscribe's data: whom the signed link is for (masked), read only; the page's button makes
 * the change (a mail scanner that opens the link changes nothing).
 */
export async function loadUnsubscribeTarget(params: PageSearchParams): Promise<UnsubscribeTarget> {
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  const query = unsubscribeQuerySchema.safeParse({ u: first(params.u), s: first(params.s) });
  if (!query.success) return { kind: "invalid" };
  const services = await getServices();
  const target = await services.notifications.describeUnsubscribe({
    userId: query.data.u,
    signature: query.data.s,
  });
  if (!target) return { kind: "invalid" };
  return {
    kind: "valid",
    u: query.data.u,
    s: query.data.s,
    maskedEmail: target.maskedEmail,
    alreadyOff: !target.emailNotifications,
  };
}
