/**
 * bench/generation — the server's own cost per generation when the provider answers at once.
 *
 * Runs the real generate route handler (validation, auth, rate limit, quota, Gemini SDK call
 * to a local Gemini-speaking server that answers immediately, sharp variants, file writes,
 * row insert, usage log) N times on embedded PGlite — or DATABASE_URL when set — and, beside it,
 * sharp alone (renderImageVariants) on the same provider bytes. Prints p50/p95 of both and
 * their ratio. Then a batch of four (count: 4, one request, images made at once) against four
 * sequential single generations: time until all four are stored, p50/p95 over `rounds`.
 * BENCH_PROVIDER_MS gives the fake provider a latency (a real model takes seconds).
 * Run: npx tsx --conditions=react-server bench/generation/index.ts [iterations] [rounds]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import * as register from "../../src/app/api/v1/auth/register/route";
import * as generate from "../../src/app/api/v1/images/generate/route";
import * as providerKey from "../../src/app/api/v1/settings/provider-key/route";
import { parseConfig } from "../../src/server/config/env";
import { renderImageVariants } from "../../src/server/images/image-processing";
import { createMemoryKv } from "../../src/server/kv/memory-kv";
import { createServices, openDatabase, provideServices } from "../../src/server/services";
import { createLocalObjectStore } from "../../src/server/storage/local-object-store";
import { ApiCaller } from "../../tests/support/api-caller";
import { FAKE_GEMINI_KEY, startFakeGeminiServer } from "../../tests/support/fake-gemini-server";

process.env.LOG_LEVEL = "silent";
const iterations = Number(process.argv[2] ?? 60);
const rounds = Number(process.argv[3] ?? 8);
const providerMs = Number(process.env.BENCH_PROVIDER_MS ?? 0);
const warmup = 5;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function main() {
  const gemini = await startFakeGeminiServer({ latencyMs: providerMs });
  const dataDir = mkdtempSync(join(tmpdir(), "ais-bench-"));
  const config = parseConfig({
    NODE_ENV: "production",
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    GEMINI_API_BASE_URL: gemini.url,
    DEMO_PROVIDER: "off",
    DAILY_GENERATION_LIMIT: "100000",
    MONTHLY_GENERATION_LIMIT: "100000",
    GENERATE_RATE_LIMIT_PER_MINUTE: "100000",
    ...(process.env.DATABASE_URL
      ? {
          DATABASE_URL: process.env.DATABASE_URL,
          APP_SECRET: "bench-secret-bench-secret-bench-secret!",
        }
      : {}),
  });
  const database = await openDatabase(config);
  if (config.database.kind === "postgres") {
    const { applyMigrations } = await import("../../src/server/db/migrate");
    await applyMigrations(database);
  }
  provideServices(
    createServices({
      config,
      database,
      kv: createMemoryKv(),
      objectStore: createLocalObjectStore(join(dataDir, "storage")),
      appSecret: "bench-secret-bench-secret-bench-secret!",
    }),
  );

  const caller = new ApiCaller();
  await caller.call(register.POST, {
    method: "POST",
    path: "/api/v1/auth/register",
    body: { email: `bench${Date.now()}@example.com`, password: "bench password", name: "Bench" },
  });
  await caller.call(providerKey.PUT, {
    method: "PUT",
    path: "/api/v1/settings/provider-key",
    body: { provider: "gemini", apiKey: FAKE_GEMINI_KEY },
  });

  // The very bytes the provider answers with, for sharp alone.
  const probe = await fetch(`${gemini.url}/v1beta/models/gemini-3.1-flash-image:generateContent`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-goog-api-key": FAKE_GEMINI_KEY },
    body: JSON.stringify({
      contents: [{ role: "user", parts: [{ text: "probe" }] }],
      generationConfig: { imageConfig: { aspectRatio: "1:1" } },
    }),
  });
  const probeBody = (await probe.json()) as {
    candidates: { content: { parts: { inlineData?: { data: string } }[] } }[];
  };
  const providerBytes = new Uint8Array(
    Buffer.from(
      probeBody.candidates[0]!.content.parts.find((part) => part.inlineData)!.inlineData!.data,
      "base64",
    ),
  );

  const server: number[] = [];
  const sharpAlone: number[] = [];
  for (let i = 0; i < warmup + iterations; i++) {
    const started = performance.now();
    const response = await caller.call(generate.POST, {
      method: "POST",
      path: "/api/v1/images/generate",
      body: { prompt: `bench image ${i}`, aspectRatio: "1:1" },
    });
    const elapsed = performance.now() - started;
    if (response.status !== 201)
      throw new Error(
        `generation ${i} answered ${response.status}: ${JSON.stringify(response.body)}`,
      );
    const sharpStarted = performance.now();
    await renderImageVariants(providerBytes);
    const sharpElapsed = performance.now() - sharpStarted;
    if (i >= warmup) {
      server.push(elapsed);
      sharpAlone.push(sharpElapsed);
    }
  }

  const row = (label: string, samples: number[]) =>
    `${label.padEnd(34)} p50 ${percentile(samples, 50).toFixed(1).padStart(7)} ms   p95 ${percentile(samples, 95).toFixed(1).padStart(7)} ms`;
  console.log(
    `bench/generation: ${iterations} generations (after ${warmup} warm-up), database ${config.database.kind}, provider image ${providerBytes.byteLength} bytes (1024×1024 PNG)`,
  );
  console.log(row("whole generation (route handler)", server));
  console.log(row("sharp alone (same bytes)", sharpAlone));
  console.log(
    `ratio server/sharp                 p50 ${(percentile(server, 50) / percentile(sharpAlone, 50)).toFixed(2)}×      p95 ${(percentile(server, 95) / percentile(sharpAlone, 95)).toFixed(2)}×`,
  );
  console.log(
    `overhead beyond sharp              p50 ${(percentile(server, 50) - percentile(sharpAlone, 50)).toFixed(1)} ms`,
  );

  // A batch of four against four single generations one after another.
  const batch: number[] = [];
  const sequential: number[] = [];
  for (let round = 0; round < rounds + 1; round++) {
    let started = performance.now();
    const answer = await caller.call<{ images: unknown[] }>(generate.POST, {
      method: "POST",
      path: "/api/v1/images/generate",
      body: { prompt: `bench batch ${round}`, aspectRatio: "1:1", count: 4 },
    });
    const batchMs = performance.now() - started;
    if (answer.status !== 201 || !answer.body.success || answer.body.data.images.length !== 4)
      throw new Error(`batch ${round} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    started = performance.now();
    for (let i = 0; i < 4; i++) {
      const single = await caller.call(generate.POST, {
        method: "POST",
        path: "/api/v1/images/generate",
        body: { prompt: `bench single ${round}.${i}`, aspectRatio: "1:1" },
      });
      if (single.status !== 201) throw new Error(`single answered ${single.status}`);
    }
    const sequentialMs = performance.now() - started;
    // The first round warms up.
    if (round > 0) {
      batch.push(batchMs);
      sequential.push(sequentialMs);
    }
  }
  console.log(
    `\nbatch of four vs four sequential singles: ${rounds} rounds, provider latency ${providerMs} ms`,
  );
  console.log(row("batch of four (count: 4)", batch));
  console.log(row("four sequential singles", sequential));
  console.log(
    `speed-up                           p50 ${(percentile(sequential, 50) / percentile(batch, 50)).toFixed(2)}×`,
  );

  await database.close();
  await gemini.close();
  rmSync(dataDir, { recursive: true, force: true });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
