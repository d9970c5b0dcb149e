import { onUnauthorized, type UnauthorizedReason } from "@/lib/api/request";
import { clearPrivateData } from "./private-data";

let ending = false;

/**
 * The session is gone (an API answer said 401, or the service worker saw one): the device must
 * not keep the user's data (offline copies, cached pages and files, answers in memory) for
 * whoever uses it next. Wipes it once, then leaves for /login with a full load, so nothing of
 * the session stays in this tab; /login brings the person back here after signing in.
 */
export function endSession(reason: UnauthorizedReason = null): void {
  if (ending || typeof window === "undefined") return;
  ending = true;
  void clearPrivateData()
    .catch(() => undefined)
    .then(() => {
      const here = window.location.pathname + window.location.search;
      const suspended = reason === "SUSPENDED" ? "&reason=suspended" : "";
      window.location.replace(`/login?next=${encodeURIComponent(here)}${suspended}`);
    });
}

/** Makes every 401 from apiRequest end the session here (the one place that does). */
export function endSessionOnUnauthorized(): void {
  onUnauthorized(endSession);
}
