/**
 * Runs once when the server starts: a bad environment stops start-up with a message naming the
 * variable; the HTTP server gets its request guard (router-state header, client address).
 *
 * The Node-only work sits inside `if (NEXT_RUNTIME === "nodejs")` (not after an early return)
 * so that the edge build of this file drops those imports (node:http, node:net) entirely.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getConfig, ConfigError } = await import("@/server/config/env");
    let config;
    try {
      config = getConfig();
    } catch (error) {
      if (error instanceof ConfigError) {
        console.error(`\n${error.message}\n\nSee .env.example for what each variable does.\n`);
        process.exit(1);
      }
      throw error;
    }
    const { installRequestGuard } = await import("@/server/http/request-guard");
    installRequestGuard({
      trustedProxies: config.forwarding.kind === "proxies" ? config.forwarding.proxies : null,
    });
  }
}
