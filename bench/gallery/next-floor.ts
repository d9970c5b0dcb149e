/**
 * The framework's own floor for bench/gallery: an empty Next.js app (same `next` as the
 * studio, production build, `next start`) whose only route answers the same 401 envelope the
 * studio's list route sends without credentials. Between the bare node:http 401 and the
 * studio's 401 it splits the studio's overhead into what Next.js costs any route handler and
 * what the studio adds on top (request id, services, authentication, logging).
 * A second route sends a body the caller hands in (the studio's own answer to the list
 * request, byte for byte) with no work behind it: Next.js's floor for an answer of that size.
 * The app is written to a temporary folder, with the studio's node_modules linked in, built
 * once per run (~30 s), and removed afterwards.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const ROUTE = `export const dynamic = "force-dynamic";
export function GET() {
  return Response.json(
    { success: false, error: { code: "UNAUTHORIZED", message: "Sign in to continue." } },
    { status: 401, headers: { "cache-control": "no-store" } },
  );
}
`;

/** Sends `body` (an envelope the studio sent) parsed once, serialised per request as the studio does. */
function listRoute(body: string): string {
  return `export const dynamic = "force-dynamic";
const body = JSON.parse(${JSON.stringify(body)});
export function GET() {
  return Response.json(body, { headers: { "cache-control": "no-store" } });
}
`;
}

export interface NextFloor {
  path: string;
  listPath: string;
  server: ChildProcess;
  stop(): void;
}

/** Builds the empty app and starts it on `port`; the caller waits for it with `waitForFloor`. */
export function startNextFloor(port: number, listBody: string): NextFloor {
  const dir = mkdtempSync(join(tmpdir(), "ais-next-floor-"));
  mkdirSync(join(dir, "app", "api", "floor"), { recursive: true });
  writeFileSync(join(dir, "app", "api", "floor", "route.js"), ROUTE);
  mkdirSync(join(dir, "app", "api", "floor", "list"));
  writeFileSync(join(dir, "app", "api", "floor", "list", "route.js"), listRoute(listBody));
  writeFileSync(join(dir, "next.config.mjs"), "export default {};\n");
  writeFileSync(join(dir, "package.json"), '{ "private": true }\n');
  symlinkSync(resolve("node_modules"), join(dir, "node_modules"), "dir");
  const next = resolve("node_modules", "next", "dist", "bin", "next");
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const build = spawnSync(process.execPath, [next, "build", dir], { env, stdio: "ignore" });
  if (build.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`the empty Next.js app did not build (exit ${build.status})`);
  }
  // `node` from PATH, like the studio's `npx next start`, so both run on the same Node.
  const server = spawn("node", [next, "start", dir, "-p", String(port), "-H", "localhost"], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  return {
    path: "/api/floor",
    listPath: "/api/floor/list",
    server,
    stop() {
      try {
        if (server.pid) process.kill(-server.pid, "SIGTERM");
      } catch {
        /* already gone */
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function waitForFloor(url: string, floor: NextFloor, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (floor.server.exitCode !== null) throw new Error("the empty Next.js app exited");
    try {
      const response = await fetch(`${url}${floor.path}`);
      if (response.status === 401) return;
    } catch {
      /* not up yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error("the empty Next.js app did not answer");
}
