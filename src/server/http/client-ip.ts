import "server-only";
import type { AppConfig } from "@/server/config/env";
import { CLIENT_ADDRESS_HEADER } from "./request-guard";
import { normalizeAddress } from "./forwarded-client";

/**
 * The caller's IP, from a source the client cannot forge: on Vercel the platform's own
 * headers (it overwrites what the client sent); elsewhere the address the HTTP server's guard
 * derived from the socket and TRUSTED_PROXIES (see request-guard.ts). Null when unknown.
 */
export function clientIp(headers: Headers, forwarding: AppConfig["forwarding"]): string | null {
  if (forwarding.kind === "platform") {
    const first = (name: string) => headers.get(name)?.split(",")[0];
    return normalizeAddress(
      first("x-vercel-forwarded-for") ?? first("x-real-ip") ?? first("x-forwarded-for"),
    );
  }
  return normalizeAddress(headers.get(CLIENT_ADDRESS_HEADER));
}
