/** Runs once when the server starts: a bad environment stops start-up with a message naming the variable. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getConfig, ConfigError } = await import("@/server/config/env");
  try {
    getConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`\n${error.message}\n\nSee .env.example for what each variable does.\n`);
      process.exit(1);
    }
    throw error;
  }
}
