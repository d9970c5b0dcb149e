/**
 * The production build the tests and benchmarks run against, in its own folder so it never
 * collides with a developer's `npm run dev` (.next). Rebuilt only when a source is newer.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";

export const DIST_DIR = ".next-e2e";
const root = process.cwd();

/**
 * Where next.config.mjs has each build write its service worker (served as /sw.js): inside the
 * build's own folder, so the build writes nothing into the sources and never changes what
 * another build serves.
 */
export const WORKER_BUILD_PATH = join("static", "serwist", "sw.js");

function newestMtime(relativePath: string): number {
  const path = join(root, relativePath);
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...readdirSync(path).map((name) => newestMtime(join(relativePath, name))),
  );
}

export function buildIsStale(): boolean {
  const buildId = join(root, DIST_DIR, "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = [
    "src",
    "public",
    "supabase",
    "next.config.mjs",
    "package.json",
    "postcss.config.mjs",
  ];
  return sources.some((source) => newestMtime(source) > built);
}

/** Builds when needed; returns the build's exit code (0 when reused). */
export function ensureProductionBuild(log: (line: string) => void = console.log): number {
  if (!buildIsStale()) {
    log(`reusing the production build in ${DIST_DIR} (it is newer than the sources)`);
    return 0;
  }
  log("building the production app (npm run build)…");
  const build = spawnSync("npm", ["run", "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: DIST_DIR },
  });
  return build.status ?? 1;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

/** Starts `next start` on the build with exactly the given environment (plus PATH and HOME). */
export function startProductionServer(port: number, env: Record<string, string>): ChildProcess {
  return spawn("npx", ["next", "start", "-p", String(port), "-H", "localhost"], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      NEXT_DIST_DIR: DIST_DIR,
      PORT: String(port),
      ...env,
    },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
}

export function stopServer(server: ChildProcess): void {
  if (!server.pid) return;
  try {
    process.kill(-server.pid, "SIGTERM");
  } catch {
    /* already gone */
  }
}

export async function waitForHealth(
  url: string,
  server: ChildProcess,
  timeoutMs = 90_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the server did not become healthy within ${timeoutMs / 1000} s`);
}
