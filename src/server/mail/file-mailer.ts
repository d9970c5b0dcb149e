import "server-only";
import { mkdir, readFile, readdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { logger } from "@/server/observability/logger";
import type { MailerPort, OutgoingMail } from "./mailer-port";

/** A message as the embedded mailer keeps it: `<id>.json` beside `<id>.html`. */
export interface StoredMail {
  id: string;
  kind: string;
  storedAt: string;
  headers: { from: string; to: string; subject: string } & Record<string, string>;
  html: string;
  text: string;
}

// Outbox ids are uuids; nothing else is ever read back from the folder.
const STORED_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The embedded mailer: each message becomes files under `dir` (DATA_DIR/mail) and one log
 * line with its subject, recipient and where to read it. Written by id, so a second attempt at
 * the same message replaces the first file instead of adding a copy.
 */
export function createFileMailer(options: {
  dir: string;
  /** The dev page's address for a message, or null when it is not served (then the file path). */
  linkFor: (id: string) => string | null;
}): MailerPort {
  return {
    kind: "files",
    async send(mail: OutgoingMail) {
      await mkdir(options.dir, { recursive: true });
      const stored: StoredMail = {
        id: mail.id,
        kind: mail.kind,
        storedAt: new Date().toISOString(),
        headers: { ...mail.headers, from: mail.from, to: mail.to, subject: mail.subject },
        html: mail.html,
        text: mail.text,
      };
      // Written under a temporary name and renamed, so a reader never sees half a message.
      const json = join(options.dir, `${mail.id}.json`);
      await writeFile(join(options.dir, `${mail.id}.html`), mail.html, "utf8");
      await writeFile(`${json}.tmp`, JSON.stringify(stored, null, 2), "utf8");
      await rename(`${json}.tmp`, json);
      logger.info("mail written (embedded mailer)", {
        subject: mail.subject,
        to: mail.to,
        open: options.linkFor(mail.id) ?? json,
      });
      return { messageId: mail.id };
    },
  };
}

/** The embedded mailer's messages, newest first (the dev page's list). */
export async function listStoredMail(dir: string, limit = 200): Promise<StoredMail[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const ids = names
    .filter((name) => name.endsWith(".json"))
    .map((name) => name.slice(0, -".json".length))
    .filter((id) => STORED_ID.test(id));
  const messages = (await Promise.all(ids.map((id) => readStoredMail(dir, id)))).filter(
    (mail): mail is StoredMail => mail !== null,
  );
  return messages.sort((a, b) => b.storedAt.localeCompare(a.storedAt)).slice(0, limit);
}

/** One stored message by id, or null (unknown or malformed id: never a path of its own). */
export async function readStoredMail(dir: string, id: string): Promise<StoredMail | null> {
  if (!STORED_ID.test(id)) return null;
  try {
    return JSON.parse(await readFile(join(dir, `${id}.json`), "utf8")) as StoredMail;
  } catch {
    return null;
  }
}
