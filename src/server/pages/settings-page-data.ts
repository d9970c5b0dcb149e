import "server-only";
import type { DehydratedState } from "@tanstack/react-query";
import { queryKeys } from "@/lib/api/query-keys";
import { getCurrentIdentity } from "@/server/auth/current-user";
import { getServices } from "@/server/services";
import { orNull, queryState } from "./query-state";

/** /settings' first data through the services: GET /auth/profile's and GET /api-keys' answers. */
export async function loadSettingsPageState(): Promise<DehydratedState> {
  const identity = await getCurrentIdentity();
  if (!identity) return queryState([]);
  const services = await getServices();
  const [profile, apiKeys] = await Promise.all([
    orNull(services.users.getProfile({ userId: identity.userId })),
    orNull(services.apiKeys.list({ userId: identity.userId })),
  ]);
  return queryState([
    profile ? [queryKeys.profile, profile] : null,
    apiKeys ? [queryKeys.apiKeys, apiKeys] : null,
  ]);
}
