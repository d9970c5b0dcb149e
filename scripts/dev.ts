/**
 * `npm run dev`: `next dev`, plus one request to /api/health as soon as the server answers, so
 * the studio's services (the embedded database above all) start in a route handler.
 *
 * Why: in `next dev`, when the very first request is a page, PGlite starts inside that React
 * render, whose development build follows every async step the render causes; the dev server
 * then runs out of memory within a minute. Started by a route handler first, it does not.
 * Production (`next start`, Vercel) is not affected.
 */
import { spawn } from "node:child_process";

const args = process.argv.slice(2);
const portFlag = args.findIndex((arg) => arg === "-p" || arg === "--port");
const port = portFlag >= 0 ? args[portFlag + 1] : (process.env.PORT ?? "3000");

const next = spawn("npx", ["next", "dev", ...args], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => next.kill(signal));
}
next.on("exit", (code) => process.exit(code ?? 0));

async function warmUp() {
  for (let attempt = 0; attempt < 240; attempt += 1) {
    try {
      await fetch(`http://localhost:${port}/api/health`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
void warmUp();
