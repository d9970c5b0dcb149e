import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import type { User } from "@/shared/api-types";
import { toStorableText } from "@/shared/schemas/text";
import { clientIp } from "@/server/http/client-ip";
import { getServices } from "@/server/services";
import type { AuthIdentity, CookieJar } from "./auth-port";
import { isSuspendedError } from "./suspension";

async function readOnlyJar(): Promise<CookieJar> {
  const store = await cookies();
  return {
    getAll: () => store.getAll().map(({ name, value }) => ({ name, value })),
    set: (name, value, options) => {
      // Server Components cannot write cookies; the middleware and route handlers keep them fresh.
      try {
        store.set({ name, value, ...options });
      } catch {
        /* rendering a page: nothing to do */
      }
    },
  };
}

/** Per render: whether the request's session was refused because its account is suspended. */
const sessionRefusal = cache(() => ({ suspended: false }));

/** True when this render's session belongs to a suspended account (pages send it to /login). */
export async function isSuspendedSession(): Promise<boolean> {
  await getCurrentIdentity();
  return sessionRefusal().suspended;
}

/** The signed-in identity of the request being rendered, once per render. */
export const getCurrentIdentity = cache(async (): Promise<AuthIdentity | null> => {
  const services = await getServices();
  let identity: AuthIdentity | null;
  try {
    identity = await services.auth.authenticateCookies(await readOnlyJar());
  } catch (error) {
    if (!isSuspendedError(error)) throw error;
    sessionRefusal().suspended = true;
    return null;
  }
  if (identity) {
    // A page seen counts as the session seen (the sessions list's "last seen").
    const requestHeaders = await headers();
    await services.sessions.touch(identity, {
      ip: clientIp(requestHeaders, services.config.forwarding),
      userAgent: toStorableText(requestHeaders.get("user-agent") ?? "") || null,
    });
  }
  return identity;
});

/** The signed-in user of the request being rendered, or null. */
export const getCurrentUser = cache(async (): Promise<User | null> => {
  const identity = await getCurrentIdentity();
  if (!identity) return null;
  const services = await getServices();
  try {
    return await services.users.getUser({ userId: identity.userId });
  } catch {
    return null;
  }
});

/**
 * Whether this request carries a session a recovery link opened moments ago (Supabase Auth's
 * PKCE links open one on /auth/confirm; local reset links carry their token instead).
 */
export async function hasRecoverySession(): Promise<boolean> {
  const services = await getServices();
  return services.auth.hasRecoverySession(await readOnlyJar());
}
