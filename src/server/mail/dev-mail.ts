import "server-only";
import type { AppConfig } from "@/server/config/env";

/**
 * Whether /dev/mail shows the embedded mailer's messages. Only with the embedded mailer and
 * never in a production build or run (NODE_ENV=production): mail holds reset and verification
 * links, so a deployed host must never serve them, whatever else is configured.
 */
export function devMailPageEnabled(config: AppConfig): config is AppConfig & {
  mailer: Extract<AppConfig["mailer"], { kind: "files" }>;
} {
  return config.mailer.kind === "files" && config.nodeEnv !== "production";
}

/** The studio's public origin for links in mail: APP_URL, or this machine in embedded use. */
export function mailOrigin(config: AppConfig): string {
  return config.appUrl ? new URL(config.appUrl).origin : `http://localhost:${config.port}`;
}
