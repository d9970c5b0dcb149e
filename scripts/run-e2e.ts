/**
 * End-to-end suite: builds the production app when the build is missing or older than the
 * sources, starts `next start` on embedded defaults with a throwaway DATA_DIR (mail through the
 * Resend SDK to a local Resend-shaped server), and runs the
 * browser tests (tests/e2e) in Debian's Chromium through playwright-core.
 * Without Chromium the suite says so and is skipped, except under CI=true, where that fails.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakeCloudflareServer } from "../tests/support/fake-cloudflare-server";
import { startFakeGeminiServer } from "../tests/support/fake-gemini-server";
import { FAKE_RESEND_KEY, startFakeResendServer } from "../tests/support/fake-resend-server";
import {
  ensureProductionBuild,
  freePort,
  startProductionServer,
  stopServer,
  waitForHealth,
} from "./production-build";

const chromium = process.env.CHROME_PATH ?? "/usr/bin/chromium";

async function main(): Promise<number> {
  if (!existsSync(chromium)) {
    if (process.env.CI === "true") {
      console.error(
        `e2e: Chromium not found at ${chromium}; CI requires it (apt-get install -y chromium).`,
      );
      return 1;
    }
    console.log(
      `e2e: SKIPPED — Chromium not found at ${chromium}. Install it (apt-get install -y chromium) or set CHROME_PATH.`,
    );
    return 0;
  }
  const built = ensureProductionBuild((line) => console.log(`e2e: ${line}`));
  if (built !== 0) return built;

  // No machine here reaches Google: Gemini is a local server speaking its REST format, which
  // the production server's real SDK is pointed at (GEMINI_API_BASE_URL).
  // It answers after a short, model-like pause so that the progress UI really shows "Generating".
  const gemini = await startFakeGeminiServer({ latencyMs: 600 });
  // Cloudflare's REST API likewise (CLOUDFLARE_API_BASE_URL), for tests/e2e/providers.e2e.ts.
  const cloudflare = await startFakeCloudflareServer();
  // Mail goes through the real Resend SDK to a local Resend-shaped server, as in production;
  // the tests read what it delivered (E2E_RESEND_URL).
  const resend = await startFakeResendServer();
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "ais-e2e-"));
  const baseUrl = `http://localhost:${port}`;
  const server = startProductionServer(port, {
    DATA_DIR: dataDir,
    DAILY_GENERATION_LIMIT: process.env.E2E_DAILY_GENERATION_LIMIT ?? "6",
    GEMINI_API_BASE_URL: gemini.url,
    CLOUDFLARE_API_BASE_URL: cloudflare.url,
    RESEND_API_KEY: FAKE_RESEND_KEY,
    RESEND_BASE_URL: resend.url,
    EMAIL_FROM: "AI Image Studio <studio@example.com>",
    APP_URL: baseUrl,
    LOG_LEVEL: "warn",
    // Every suite signs up its own users from 127.0.0.1; at the default 10 a minute per IP a
    // fast machine trips the limit mid-run. The limit itself is covered by integration tests.
    AUTH_RATE_LIMIT_PER_MINUTE: "1000",
    // Galleries of four images or more export in the background here (default: over 200), so
    // that tests/e2e/export-jobs.e2e.ts can take that path with a few demo images.
    ACCOUNT_EXPORT_STREAM_MAX_IMAGES: "3",
    // The admins of the admin suites (tests/e2e/admin-*.e2e.ts), made so when they sign up.
    ADMIN_EMAILS: "e2e-admin@example.com,e2e-settings-admin@example.com",
  });
  try {
    await waitForHealth(baseUrl, server);
    console.log(`e2e: production server up at ${baseUrl} (DATA_DIR ${dataDir})`);
    // Asynchronous on purpose: the fake Gemini server lives in this process, so this event loop
    // must keep answering it while the tests run.
    const run = spawn("npx", ["vitest", "run", "--project", "e2e", ...process.argv.slice(2)], {
      stdio: "inherit",
      env: {
        ...process.env,
        E2E_BASE_URL: baseUrl,
        E2E_DATA_DIR: dataDir,
        E2E_RESEND_URL: resend.url,
        CHROME_PATH: chromium,
      },
    });
    return await new Promise<number>((resolve) => {
      run.once("exit", (code) => resolve(code ?? 1));
      run.once("error", () => resolve(1));
    });
  } finally {
    stopServer(server);
    await gemini.close();
    await cloudflare.close();
    await resend.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("e2e:", error);
    process.exit(1);
  },
);
