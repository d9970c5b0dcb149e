import "server-only";
import type { DehydratedState } from "@tanstack/react-query";
import { queryKeys } from "@/lib/api/query-keys";
import { retentionOverview } from "@/server/retention/image-retention";
import { getServices, type Services } from "@/server/services";
import { orNull, queryState } from "./query-state";

/**
 * What the signed-in frame needs of the user besides their name: the settings (as GET /settings
 * answers them), which the shell's offline duties read (is the offline copy wanted?), and, while
 * the studio removes old private images, what of theirs will go (GET /retention), so that the
 * retention banner is in the first paint instead of pushing the page down after a request.
 */
export async function loadShellState(userId: string): Promise<DehydratedState> {
  const services = await getServices();
  const [settings, retention] = await Promise.all([
    orNull(services.users.getSettings({ userId })),
    orNull(retentionIfOn(services, userId)),
  ]);
  return queryState([
    settings ? [queryKeys.settings, settings] : null,
    retention ? [queryKeys.retention, retention] : null,
  ]);
}

async function retentionIfOn(services: Services, userId: string) {
  const { privateImageRetentionDays: days } = await services.systemSettings.get();
  if (days === null) return null;
  return retentionOverview({ db: services.database.db, userId, days });
}
