import "server-only";
import type { DehydratedState } from "@tanstack/react-query";
import { queryKeys } from "@/lib/api/query-keys";
import { getServices } from "@/server/services";
import { orNull, queryState } from "./query-state";

/**
 * What the signed-in frame needs of the user besides their name: the settings (as GET /settings
 * answers them), which the shell's offline duties read (is the offline copy wanted?).
 */
export async function loadShellState(userId: string): Promise<DehydratedState> {
  const services = await getServices();
  const settings = await orNull(services.users.getSettings({ userId }));
  return queryState([settings ? [queryKeys.settings, settings] : null]);
}
