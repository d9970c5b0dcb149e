/**
 * `npm test`: unit and integration suites (Vitest; PGlite, or TEST_DATABASE_URL and
 * REDIS_URL when set), then the end-to-end suite against the production build.
 * `npm test -- --no-e2e` runs only the first part (CI's other passes).
 *
 * The last lines printed name every unit or integration test that failed, so that the tail of
 * a long CI log says what went wrong in the first part too.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

function run(command: string, args: string[]): number {
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  return result.status ?? 1;
}

interface VitestJsonReport {
  testResults?: {
    name: string;
    message?: string;
    assertionResults?: { fullName: string; status: string }[];
  }[];
}

/** Failed tests (and files that failed to load) from Vitest's JSON report, one line each. */
function summarize(reportPath: string): string[] {
  if (!existsSync(reportPath)) return ["(no Vitest report was written)"];
  const report = JSON.parse(readFileSync(reportPath, "utf8")) as VitestJsonReport;
  const lines: string[] = [];
  for (const file of report.testResults ?? []) {
    const name = file.name.replace(`${process.cwd()}/`, "");
    if ((file.assertionResults ?? []).length === 0 && file.message) {
      lines.push(`FAILED ${name}: ${file.message.split("\n")[0]}`);
    }
    for (const test of file.assertionResults ?? []) {
      if (test.status === "failed") lines.push(`FAILED ${name} > ${test.fullName}`);
    }
  }
  return lines;
}

const withE2e = !process.argv.includes("--no-e2e");
const database = process.env.TEST_DATABASE_URL
  ? "the PostgreSQL server at TEST_DATABASE_URL"
  : "PGlite (in-process)";
const kv = process.env.REDIS_URL ? "Redis at REDIS_URL" : "memory";
console.log(`tests: database suites on ${database}; KV on ${kv}`);

const reportDir = mkdtempSync(join(tmpdir(), "ais-tests-"));
const reportPath = join(reportDir, "unit.json");
const unit = run("npx", [
  "vitest",
  "run",
  "--project",
  "unit",
  "--project",
  "integration",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${reportPath}`,
]);
const e2e = withE2e ? run("npx", ["tsx", "--conditions=react-server", "scripts/run-e2e.ts"]) : 0;

const notes = summarize(reportPath);
rmSync(reportDir, { recursive: true, force: true });
console.log(
  `\ntests: unit + integration ${unit === 0 ? "passed" : `FAILED (exit ${unit})`}` +
    (withE2e ? `; e2e ${e2e === 0 ? "passed" : `FAILED (exit ${e2e})`}` : "; e2e not run"),
);
for (const line of notes) console.log(`tests: ${line}`);
process.exit(unit !== 0 ? unit : e2e);
