import "server-only";
import type { HealthReport } from "@/shared/api-types";
import type { Services } from "@/server/services";

const CHECK_TIMEOUT_MS = 3000;

async function timed(adapter: string, check: () => Promise<unknown>) {
  const started = performance.now();
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error("timed out")), CHECK_TIMEOUT_MS).unref(),
      ),
    ]);
    return { ok: true, adapter, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    // Only the error's class of failure, never connection strings or hosts.
    const reason =
      error instanceof Error && error.message === "timed out" ? "timed out" : "unreachable";
    return {
      ok: false,
      adapter,
      latencyMs: Math.round(performance.now() - started),
      error: reason,
    };
  }
}

/** Checks each dependency once, in parallel, each bounded by a timeout. */
export async function checkHealth(services: Services): Promise<HealthReport> {
  const [database, storage, kv] = await Promise.all([
    timed(services.database.kind, () => services.database.query("select 1 as ok")),
    timed(services.objectStore.kind, () => services.objectStore.ping()),
    timed(services.kv.kind, () => services.kv.ping()),
  ]);
  const checks = { database, storage, kv };
  return {
    status: Object.values(checks).every((check) => check.ok) ? "ok" : "degraded",
    mode: services.config.mode,
    checks,
  };
}
