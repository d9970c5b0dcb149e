/**
 * bench/gallery — list endpoints under load, beside a bare node:http server running the same SQL.
 *
 * Seeds 100,000 images across 1,000 users (20,000 public) into a fresh database on the
 * PostgreSQL server (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test as the
 * admin connection), starts the production build against it and the bare server beside it, and
 * measures GET /api/v1/images?limit=30 and GET /api/v1/gallery/public?q=… at 50 concurrent
 * connections: p50/p95/throughput of each, and the ratio.
 * Run: npx tsx --conditions=react-server bench/gallery/index.ts [seconds-per-scenario]
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hash } from "@node-rs/argon2";
import postgres from "postgres";
import { applyMigrations } from "../../src/server/db/migrate";
import { openPostgresDatabase } from "../../src/server/db/postgres-database";
import {
  ensureProductionBuild,
  freePort,
  startProductionServer,
  stopServer,
  waitForHealth,
} from "../../scripts/production-build";
import { formatLoad, runLoad, type LoadResult } from "../load";

const SECONDS = Number(process.argv[2] ?? 10);
const CONNECTIONS = 50;
const USERS = 1000;
const PER_USER = 100;
const PASSWORD = "bench password 123";
const SEARCH = "lighthouse";

async function seed(url: string) {
  const handle = openPostgresDatabase(url, { max: 2 });
  await applyMigrations(handle);
  const passwordHash = await hash(PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
  const started = performance.now();
  await handle.query(
    `insert into auth.users (email, encrypted_password, raw_user_meta_data)
     select 'bench' || g || '@example.com', $1, jsonb_build_object('name', 'Bench ' || g) from generate_series(1, ${USERS}) g`,
    [passwordHash],
  );
  await handle.execScript(`
    insert into public.images (user_id, prompt, aspect_ratio, quality, width, height, seed, model, storage_key,
                               mime_type, byte_size, thumbnail_sizes, tags, is_public, published_at, share_id, created_at)
    select u.id,
           (array['a lighthouse on a cliff','a red fox in snow','a city at night','a quiet mountain lake','a portrait of an old sailor',
                  'a bowl of ramen','an astronaut in a garden','a paper boat','a desert caravan','a neon street market',
                  'a watercolor forest','a cat on a windowsill'])[1 + (n % 12)]
             || ' ' || (array['at dawn','in the rain','in watercolor','as a photograph','in pixel art','at golden hour',
                              'under the stars','in winter','in an oil painting','isometric'])[1 + ((n / 12) % 10)],
           (array['1:1','16:9','9:16','4:3','3:4'])[1 + (n % 5)], 'standard', 1024, 1024, n, 'demo',
           'bench/' || n, 'image/webp', 250000, '{150,300,800}',
           array[(array['animal','city','nature','portrait','food','space'])[1 + (n % 6)]],
           n % 5 = 0, case when n % 5 = 0 then now() - (n || ' seconds')::interval end,
           case when n % 5 = 0 then lpad(to_hex(n), 10, '0') end,
           now() - (n || ' seconds')::interval
    from (select id, row_number() over (order by email) - 1 as idx from auth.users) u
    cross join generate_series(0, ${PER_USER - 1}) k
    cross join lateral (select (u.idx * ${PER_USER} + k)::int as n) numbered;
    analyze;
  `);
  const [counts] = await handle.query<{ images: number; public: number }>(
    "select count(*)::int as images, count(*) filter (where is_public)::int as public from public.images",
  );
  console.log(
    `seeded ${USERS} users and ${counts?.images} images (${counts?.public} public) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const users = await handle.query<{ id: string; email: string }>(
    "select id, email from auth.users order by email limit 50",
  );
  await handle.close();
  return users;
}

async function main() {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const name = `ais_bench_${Date.now()}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const dataDir = mkdtempSync(join(tmpdir(), "ais-bench-gallery-"));
  let next: ReturnType<typeof startProductionServer> | undefined;
  let bare: ReturnType<typeof spawn> | undefined;
  try {
    const users = await seed(databaseUrl);
    if (ensureProductionBuild() !== 0) throw new Error("build failed");

    const port = await freePort();
    next = startProductionServer(port, {
      DATABASE_URL: databaseUrl,
      APP_SECRET: "bench-secret-bench-secret-bench-secret-0123",
      DATA_DIR: dataDir,
      AUTH_RATE_LIMIT_PER_MINUTE: "100000",
      LOG_LEVEL: "error",
    });
    const nextUrl = `http://localhost:${port}`;
    await waitForHealth(nextUrl, next);

    const barePort = await freePort();
    bare = spawn(
      "npx",
      [
        "tsx",
        "--conditions=react-server",
        "bench/gallery/bare-server.ts",
        databaseUrl,
        String(barePort),
      ],
      {
        stdio: ["ignore", "pipe", "inherit"],
        detached: true,
      },
    );
    await new Promise<void>((resolve) => bare!.stdout!.once("data", () => resolve()));
    const bareUrl = `http://127.0.0.1:${barePort}`;

    const tokens: string[] = [];
    for (const user of users) {
      const response = await fetch(`${nextUrl}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: user.email, password: PASSWORD }),
      });
      const body = (await response.json()) as { data: { session: { accessToken: string } } };
      tokens.push(body.data.session.accessToken);
    }

    let turn = 0;
    const results: Record<string, LoadResult> = {};
    const scenario = async (
      label: string,
      make: () => { url: string; headers?: Record<string, string> },
    ) => {
      // Warm up, then measure.
      await runLoad({
        url: () => make().url,
        headers: make().headers,
        connections: 10,
        seconds: 2,
      });
      results[label] = await runLoad({
        url: () => {
          turn += 1;
          return make().url;
        },
        headers: make().headers,
        connections: CONNECTIONS,
        seconds: SECONDS,
      });
      console.log(formatLoad(label, results[label]!));
    };

    console.log(
      `\nbench/gallery: ${CONNECTIONS} connections, ${SECONDS} s per scenario, database ${name}`,
    );
    // Own list: each request as one of 50 users (bearer access tokens); the bare server gets the same user ids.
    const userAt = () => turn % users.length;
    await scenario("studio  GET /api/v1/images?limit=30", () => ({
      url: `${nextUrl}/api/v1/images?limit=30`,
      headers: { authorization: `Bearer ${tokens[userAt()]}` },
    }));
    await scenario("bare    own images, same SQL", () => ({
      url: `${bareUrl}/own?user=${users[userAt()]!.id}`,
    }));
    await scenario(`studio  GET /api/v1/gallery/public?q=${SEARCH}`, () => ({
      url: `${nextUrl}/api/v1/gallery/public?q=${SEARCH}&limit=30`,
    }));
    await scenario("bare    public search, same SQL", () => ({
      url: `${bareUrl}/public?q=${SEARCH}`,
    }));

    const ratio = (a: string, b: string) => {
      const studio = results[a]!;
      const baseline = results[b]!;
      return `p50 ${(studio.p50 / baseline.p50).toFixed(2)}×  p95 ${(studio.p95 / baseline.p95).toFixed(2)}×  throughput ${(baseline.throughput / studio.throughput).toFixed(2)}× lower`;
    };
    console.log(
      `\nratio studio/bare, own images:     ${ratio("studio  GET /api/v1/images?limit=30", "bare    own images, same SQL")}`,
    );
    console.log(
      `ratio studio/bare, public search:  ${ratio(`studio  GET /api/v1/gallery/public?q=${SEARCH}`, "bare    public search, same SQL")}`,
    );
  } finally {
    if (next) stopServer(next);
    if (bare?.pid) {
      try {
        process.kill(-bare.pid, "SIGTERM");
      } catch {
        /* gone */
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
    await admin.end({ timeout: 5 });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
