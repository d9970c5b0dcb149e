/**
 * Runs once when the server starts: a bad environment stops start-up with a message naming the
 * variable; outside Vercel, the HTTP server learns to tell the client's real address.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getConfig, ConfigError } = await import("@/server/config/env");
  try {
    const config = getConfig();
    if (config.forwarding.kind === "proxies") {
      const { installClientAddressGuard } = await import("@/server/http/client-address-guard");
      installClientAddressGuard(config.forwarding.proxies);
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`\n${error.message}\n\nSee .env.example for what each variable does.\n`);
      process.exit(1);
    }
    throw error;
  }
}
