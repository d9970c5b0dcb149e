/**
 * Runs once when the server starts: a bad environment stops start-up with a message naming the
 * variable; outside Vercel, the HTTP server learns to tell the client's real address.
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
    if (config.forwarding.kind === "proxies") {
      const { installClientAddressGuard } = await import("@/server/http/client-address-guard");
      installClientAddressGuard(config.forwarding.proxies);
    }
  }
}
