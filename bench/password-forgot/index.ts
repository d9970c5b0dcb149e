/**
 * bench/password-forgot — does "forgot password" take as long for an unknown email as for a
 * known one? (The answer is the same by construction; the time is what could still tell.)
 *
 * Runs the real POST /api/v1/auth/password/forgot handler on embedded PGlite — or DATABASE_URL
 * when set — alternating a registered email and an unknown one, and prints p50/p95 of each and
 * the difference of the medians. Nothing is asserted.
 * Run: npx tsx --conditions=react-server bench/password-forgot/index.ts [samples per side]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import * as forgot from "../../src/app/api/v1/auth/password/forgot/route";
import * as register from "../../src/app/api/v1/auth/register/route";
import { RESET_MAILS_PER_EMAIL_PER_HOUR } from "../../src/server/auth/password-service";
import { parseConfig } from "../../src/server/config/env";
import { createMemoryKv } from "../../src/server/kv/memory-kv";
import { createServices, openDatabase, provideServices } from "../../src/server/services";
import { createLocalObjectStore } from "../../src/server/storage/local-object-store";
import { ApiCaller } from "../../tests/support/api-caller";

process.env.LOG_LEVEL = "silent";
const samples = Number(process.argv[2] ?? 100);
const warmup = 5;
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
    AUTH_RATE_LIMIT_PER_MINUTE: "1000000",
    ...(process.env.DATABASE_URL
      ? { DATABASE_URL: process.env.DATABASE_URL, APP_SECRET: SECRET }
      : {}),
  });
  const database = await openDatabase(config);
  if (config.database.kind === "postgres") {
    const { applyMigrations } = await import("../../src/server/db/migrate");
    await applyMigrations(database);
  }
  const services = createServices({
    config,
    database,
    kv: createMemoryKv(),
    objectStore: createLocalObjectStore(join(dataDir, "storage")),
    appSecret: SECRET,
  });
  provideServices(services);

  // Each address may be sent a few reset mails an hour: enough accounts for every sample.
  const stamp = Date.now();
  const accounts = Math.ceil((samples + warmup) / RESET_MAILS_PER_EMAIL_PER_HOUR);
  const known: string[] = [];
  for (let i = 0; i < accounts; i++) {
    const email = `bench-known-${stamp}-${i}@example.com`;
    await new ApiCaller().call(register.POST, {
      method: "POST",
      path: "/api/v1/auth/register",
      body: { email, password: "bench password", name: "Bench" },
    });
    known.push(email);
  }

  const ask = async (email: string) => {
    const started = performance.now();
    const response = await new ApiCaller().call(forgot.POST, {
      method: "POST",
      path: "/api/v1/auth/password/forgot",
      body: { email },
    });
    const elapsed = performance.now() - started;
    if (response.status !== 200) throw new Error(`forgot answered ${response.status}`);
    // The mail goes out after the answer; let it, so it does not land in the next sample.
    await services.mail.flush();
    return elapsed;
  };

  const times = { known: [] as number[], unknown: [] as number[] };
  for (let i = 0; i < samples + warmup; i++) {
    const knownMs = await ask(known[Math.floor(i / RESET_MAILS_PER_EMAIL_PER_HOUR)]!);
    const unknownMs = await ask(`bench-unknown-${stamp}-${i}@example.com`);
    if (i < warmup) continue;
    times.known.push(knownMs);
    times.unknown.push(unknownMs);
  }

  const row = (label: string, values: number[]) =>
    `${label.padEnd(8)} p50 ${percentile(values, 50).toFixed(2)} ms   p95 ${percentile(values, 95).toFixed(2)} ms`;
  console.log(`forgot password, ${samples} samples each (${config.database.kind})`);
  console.log(row("known", times.known));
  console.log(row("unknown", times.unknown));
  console.log(
    `median difference (known − unknown): ${(percentile(times.known, 50) - percentile(times.unknown, 50)).toFixed(2)} ms`,
  );
  await database.close?.();
  rmSync(dataDir, { recursive: true, force: true });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
