import { safeNextPath } from "@/lib/safe-next-path";

const AUTH_PATHS = ["/login", "/register"];

/**
 * The `next` search parameter if it is a safe same-origin path, else null. A `next` that
 * points back at an auth page is dropped, so a signed-in visitor cannot loop.
 */
export function readNextParam(
  params: Record<string, string | string[] | undefined>,
): string | null {
  const raw = params.next;
  if (typeof raw !== "string") return null;
  const safe = safeNextPath(raw, "");
  if (safe === "") return null;
  const pathname = safe.split(/[?#]/)[0] ?? "";
  return AUTH_PATHS.includes(pathname) ? null : safe;
}
