/**
 * `npm test`: unit and integration suites (Vitest; PGlite, or TEST_DATABASE_URL and
 * REDIS_URL when set), then the end-to-end suite against the production build.
 */
import { spawnSync } from "node:child_process";

function run(command: string, args: string[]): number {
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  return result.status ?? 1;
}

const database = process.env.TEST_DATABASE_URL
  ? "the PostgreSQL server at TEST_DATABASE_URL"
  : "PGlite (in-process)";
const kv = process.env.REDIS_URL ? "Redis at REDIS_URL" : "memory";
console.log(`tests: database suites on ${database}; KV on ${kv}`);

const unit = run("npx", ["vitest", "run", "--project", "unit", "--project", "integration"]);
const e2e = run("npx", ["tsx", "--conditions=react-server", "scripts/run-e2e.ts"]);
process.exit(unit !== 0 ? unit : e2e);
