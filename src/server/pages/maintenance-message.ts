import "server-only";
import { logger } from "@/server/observability/logger";
import { getServices } from "@/server/services";

/**
 * The admins' maintenance banner for every page (system settings, cached for seconds). A page
 * never fails over it: when the settings cannot be read, there is simply no banner.
 */
export async function loadMaintenanceMessage(): Promise<string | null> {
  try {
    return (await (await getServices()).systemSettings.get()).maintenanceMessage;
  } catch (error) {
    logger.warn("maintenance banner skipped: settings unavailable", { error });
    return null;
  }
}
