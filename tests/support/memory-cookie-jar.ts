import type { CookieJar, CookieOptions } from "@/server/auth/auth-port";

export interface MemoryCookieJar extends CookieJar {
  writes: { name: string; value: string; options: CookieOptions }[];
  value(name: string): string | undefined;
}

/** A browser's cookies for one request; pass `getAll()` of a previous jar to make the next request. */
export function createMemoryCookieJar(
  cookies: { name: string; value: string }[] = [],
): MemoryCookieJar {
  const store = new Map(cookies.map(({ name, value }) => [name, value]));
  const writes: MemoryCookieJar["writes"] = [];
  return {
    writes,
    getAll: () => [...store].map(([name, value]) => ({ name, value })),
    set(name, value, options) {
      writes.push({ name, value, options });
      if (value === "" || options.maxAge === 0) store.delete(name);
      else store.set(name, value);
    },
    value: (name) => store.get(name),
  };
}
