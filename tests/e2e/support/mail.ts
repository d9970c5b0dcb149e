import { expect } from "vitest";
import { DELIVERED_PATH, type ReceivedEmail } from "../../support/fake-resend-server";

const RESEND_URL = process.env.E2E_RESEND_URL;

/** What the production server sent through the Resend SDK to the local Resend-shaped server. */
export async function deliveredMail(): Promise<ReceivedEmail[]> {
  if (!RESEND_URL)
    throw new Error("E2E_RESEND_URL is not set: run the suite with scripts/run-e2e.ts");
  const response = await fetch(new URL(DELIVERED_PATH, RESEND_URL));
  return (await response.json()) as ReceivedEmail[];
}

/** Waits for the newest mail to `to` whose subject matches, and returns it. */
export async function waitForMail(
  to: string,
  subject: RegExp,
  timeout = 20_000,
): Promise<ReceivedEmail> {
  let found: ReceivedEmail | undefined;
  await expect
    .poll(
      async () => {
        const mail = await deliveredMail();
        found = mail.findLast(
          (message) => message.to.includes(to) && subject.test(message.subject),
        );
        return found !== undefined;
      },
      { timeout, interval: 250 },
    )
    .toBe(true);
  return found!;
}

/** The first link in a mail's text that starts with `prefix`. */
export function linkIn(mail: ReceivedEmail, prefix: string): string {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`${escaped}\\S+`).exec(mail.text ?? "");
  if (!match) throw new Error(`no link starting ${prefix} in "${mail.subject}"`);
  return match[0];
}
