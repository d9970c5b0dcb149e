/**
 * bench/session-liveness — what a signed-in request pays to know its session is still live:
 * the database every time (AUTH_SESSION_CACHE_SECONDS=0), or the instance's cache plus one
 * read of the shared KV's "session ended" flag (the cost of refusing ended sessions at once on
 * every instance), with the in-process KV and, when REDIS_URL is set, Redis.
 *
 * Runs the local auth adapter's authenticateCookies on embedded PGlite — or DATABASE_URL when
 * set — and prints p50/p95 per variant. Nothing is asserted.
 * Run: npx tsx --conditions=react-server bench/session-liveness/index.ts [samples]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import {
  createLocalAuthAdapter,
  type LocalLiveSession,
} from "../../src/server/auth/local/local-auth-adapter";
import { createSessionLiveness } from "../../src/server/auth/session-liveness";
import { parseConfig } from "../../src/server/config/env";
import type { KvPort } from "../../src/server/kv/kv-port";
import { createMemoryKv } from "../../src/server/kv/memory-kv";
import { createRedisKv } from "../../src/server/kv/redis-kv";
import { openDatabase } from "../../src/server/services";
import { createMemoryCookieJar } from "../../tests/support/memory-cookie-jar";

process.env.LOG_LEVEL = "silent";
const samples = Number(process.argv[2] ?? 2000);
const SECRET = "bench-secret-bench-secret-bench-secret!";

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), "ais-bench-"));
  const config = parseConfig({
    NODE_ENV: "production",
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    ...(process.env.DATABASE_URL
      ? { DATABASE_URL: process.env.DATABASE_URL, APP_SECRET: SECRET }
      : {}),
  });
  const database = await openDatabase(config);
  if (config.database.kind === "postgres") {
    const { applyMigrations } = await import("../../src/server/db/migrate");
    await applyMigrations(database);
  }
  const redis = process.env.REDIS_URL
    ? createRedisKv(process.env.REDIS_URL, { prefix: `ais-bench:${Date.now()}:` })
    : null;
  const variants: { name: string; ttlMs: number; kv?: KvPort }[] = [
    { name: "database every request (cache off)", ttlMs: 0 },
    { name: "cache + in-process KV flag", ttlMs: 10_000, kv: createMemoryKv() },
    ...(redis ? [{ name: "cache + Redis KV flag", ttlMs: 10_000, kv: redis }] : []),
  ];
  console.log(
    `session liveness on ${config.database.kind}, ${samples} authenticated requests per variant`,
  );
  let n = 0;
  for (const variant of variants) {
    const auth = createLocalAuthAdapter({
      db: database.db,
      appSecret: SECRET,
      secureCookies: false,
      liveness: createSessionLiveness<LocalLiveSession>({ ttlMs: variant.ttlMs, kv: variant.kv }),
    });
    const jar = createMemoryCookieJar();
    await auth.register(
      {
        email: `bench-liveness-${Date.now()}-${++n}@example.com`,
        password: "bench password",
        name: "B",
      },
      jar,
      { ip: null, userAgent: null },
    );
    const cookies = jar.getAll();
    for (let i = 0; i < 50; i++) await auth.authenticateCookies(createMemoryCookieJar(cookies));
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const started = performance.now();
      const identity = await auth.authenticateCookies(createMemoryCookieJar(cookies));
      times.push(performance.now() - started);
      if (!identity) throw new Error("session refused");
    }
    console.log(
      `${variant.name.padEnd(40)} p50 ${percentile(times, 50).toFixed(3)} ms  p95 ${percentile(times, 95).toFixed(3)} ms`,
    );
  }
  await redis?.close();
  await database.close?.();
  rmSync(dataDir, { recursive: true, force: true });
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
