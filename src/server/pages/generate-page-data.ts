import "server-only";
import type { DehydratedState } from "@tanstack/react-query";
import { queryKeys } from "@/lib/api/query-keys";
import { getCurrentIdentity } from "@/server/auth/current-user";
import { getServices } from "@/server/services";
import { orNull, queryState } from "./query-state";

/**
 * /generate's first data through the services, shaped as GET /auth/profile answers (defaults,
 * quota) and as the page keeps the template catalog (GET /templates and /templates/categories).
 */
export async function loadGeneratePageState(): Promise<DehydratedState> {
  const identity = await getCurrentIdentity();
  if (!identity) return queryState([]);
  const services = await getServices();
  const [profile, templates, categories] = await Promise.all([
    orNull(services.users.getProfile({ userId: identity.userId })),
    orNull(services.templates.listTemplates({})),
    orNull(services.templates.listCategories()),
  ]);
  return queryState([
    profile ? [queryKeys.profile, profile] : null,
    templates && categories ? [queryKeys.templateCatalog, { templates, categories }] : null,
  ]);
}
