import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { CacheExpiration } from "serwist";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { PRIVATE_CACHE_NAMES } from "./cache-rules";
import { EXPIRATION_DB_NAME, forgetExpirationEntries } from "./expiration-metadata";
import { PRIVATE_CACHES, PUBLIC_CACHES } from "./offline-contract";

const ORIGIN = "https://studio.example.com";

beforeEach(() => {
  // Serwist's writer reads the global IndexedDB (and resolves URLs against location) per call.
  vi.stubGlobal("indexedDB", new IDBFactory());
  vi.stubGlobal("location", new URL(`${ORIGIN}/gallery`));
});

/** What Serwist's ExpirationPlugin keeps: one record per cached URL, named by its cache. */
async function remembered(): Promise<string[]> {
  const names = (await indexedDB.databases()).map((database) => database.name);
  if (!names.includes(EXPIRATION_DB_NAME)) return [];
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(EXPIRATION_DB_NAME);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const all = db.transaction("cache-entries").objectStore("cache-entries").getAll();
      all.onsuccess = () => {
        db.close();
        const entries = all.result as { cacheName: string; url: string }[];
        resolve(entries.map((entry) => `${entry.cacheName} ${entry.url}`).sort());
      };
      all.onerror = () => reject(all.error);
    };
  });
}

describe("forgetExpirationEntries", () => {
  it("forgets the URLs Serwist remembered for the private caches, and only those", async () => {
    const images = new CacheExpiration(PRIVATE_CACHES.images, { maxEntries: 10 });
    const api = new CacheExpiration(PRIVATE_CACHES.api, { maxEntries: 10 });
    const statics = new CacheExpiration(PUBLIC_CACHES.static, { maxEntries: 10 });
    await images.updateTimestamp(`${ORIGIN}/api/v1/images/a1/files/300`);
    await api.updateTimestamp(`${ORIGIN}/api/v1/images?limit=30`);
    await statics.updateTimestamp(`${ORIGIN}/icons/icon-192.png`);
    expect(await remembered()).toHaveLength(3);

    await forgetExpirationEntries(PRIVATE_CACHE_NAMES);
    expect(await remembered()).toEqual([`${PUBLIC_CACHES.static} ${ORIGIN}/icons/icon-192.png`]);

    // Serwist keeps its own connection open meanwhile, and carries on with it afterwards.
    await images.updateTimestamp(`${ORIGIN}/api/v1/images/b2/files/150`);
    expect(await remembered()).toContain(
      `${PRIVATE_CACHES.images} ${ORIGIN}/api/v1/images/b2/files/150`,
    );
  });

  it("creates nothing where Serwist never made its database", async () => {
    await forgetExpirationEntries(PRIVATE_CACHE_NAMES);
    expect((await indexedDB.databases()).map((database) => database.name)).not.toContain(
      EXPIRATION_DB_NAME,
    );
    // Had it left an empty database behind, Serwist could never create its store in it.
    const images = new CacheExpiration(PRIVATE_CACHES.images, { maxEntries: 10 });
    await images.updateTimestamp(`${ORIGIN}/api/v1/images/a1/files/300`);
    expect(await remembered()).toHaveLength(1);
  });

  it("creates nothing either where the browser cannot list its databases", async () => {
    const factory = new IDBFactory();
    const listed = factory.databases.bind(factory);
    Object.defineProperty(factory, "databases", { value: undefined });
    vi.stubGlobal("indexedDB", factory);
    await forgetExpirationEntries(PRIVATE_CACHE_NAMES);
    expect((await listed()).map((database) => database.name)).not.toContain(EXPIRATION_DB_NAME);
  });
});
