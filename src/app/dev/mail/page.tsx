import Link from "next/link";
import { notFound } from "next/navigation";
import { devMailPageEnabled } from "@/server/mail/dev-mail";
import { listStoredMail } from "@/server/mail/file-mailer";
import { getServices } from "@/server/services";

// GET /dev/mail — the embedded mailer's messages, newest first
export default async function DevMailListPage() {
  const { config } = await getServices();
  if (!devMailPageEnabled(config)) notFound();
  const messages = await listStoredMail(config.mailer.dir);
  return (
    <>
      <h1 className="font-display mt-2 mb-6 text-2xl font-bold">Mail</h1>
      {messages.length === 0 ? (
        <p data-testid="dev-mail-empty" className="text-ink-muted">
          No mail yet. Anything the studio sends (verification, password reset, notices) appears
          here.
        </p>
      ) : (
        <ul className="divide-line flex flex-col divide-y" data-testid="dev-mail-list">
          {messages.map((mail) => (
            <li key={mail.id}>
              <Link
                href={`/dev/mail/${mail.id}`}
                className="hover:bg-surface-sunken focus-visible:ring-ring block rounded-lg px-2 py-3 focus-visible:ring-2 focus-visible:outline-none"
              >
                <span className="block font-semibold break-words">{mail.headers.subject}</span>
                <span className="text-ink-muted block text-sm wrap-anywhere">
                  to {mail.headers.to} · {mail.kind} ·{" "}
                  <time dateTime={mail.storedAt}>
                    {new Date(mail.storedAt).toISOString().replace("T", " ").slice(0, 19)} UTC
                  </time>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
