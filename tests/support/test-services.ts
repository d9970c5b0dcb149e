import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseConfig, type AppConfig } from "@/server/config/env";
import type { KvPort } from "@/server/kv/kv-port";
import { createMemoryKv } from "@/server/kv/memory-kv";
import { createRedisKv } from "@/server/kv/redis-kv";
import { createServices, provideServices, type Services } from "@/server/services";
import { createLocalObjectStore } from "@/server/storage/local-object-store";
import type { ObjectStorePort } from "@/server/storage/object-store-port";
import { createTestDatabase, type TestDatabase } from "./test-database";

export interface TestStudio {
  services: Services;
  database: TestDatabase;
  kv: KvPort;
  config: AppConfig;
  dispose(): Promise<void>;
}

/**
 * The studio's real services on a fresh test database, installed as the process's services
 * so that route handlers called in the test use them. Kv is Redis when REDIS_URL is set
 * (namespaced per run), memory otherwise.
 */
export async function startTestStudio(
  env: Record<string, string> = {},
  options: {
    /** Wraps the real local object store, e.g. to make it fail on purpose. */
    wrapObjectStore?: (store: ObjectStorePort) => ObjectStorePort;
  } = {},
): Promise<TestStudio> {
  const dataDir = mkdtempSync(join(tmpdir(), "ais-test-"));
  const config = parseConfig({ NODE_ENV: "test", DATA_DIR: dataDir, LOG_LEVEL: "silent", ...env });
  const database = await createTestDatabase();
  const kv = process.env.REDIS_URL
    ? createRedisKv(process.env.REDIS_URL, { prefix: `ais-test:${process.pid}:${Date.now()}:` })
    : createMemoryKv();
  const services = createServices({
    config,
    database,
    kv,
    objectStore: (options.wrapObjectStore ?? ((store) => store))(
      createLocalObjectStore(join(dataDir, "storage")),
    ),
    appSecret: "test-app-secret-that-is-long-enough-0123456789",
  });
  provideServices(services);
  return {
    services,
    database,
    kv,
    config,
    async dispose() {
      await kv.close();
      await database.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
