import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import type { User } from "@/shared/api-types";
import { getServices } from "@/server/services";
import type { AuthIdentity, CookieJar } from "./auth-port";

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

/** The signed-in identity of the request being rendered, once per render. */
export const getCurrentIdentity = cache(async (): Promise<AuthIdentity | null> => {
  const services = await getServices();
  return services.auth.authenticateCookies(await readOnlyJar());
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
