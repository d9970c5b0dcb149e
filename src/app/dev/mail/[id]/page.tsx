import Link from "next/link";
import { notFound } from "next/navigation";
import { devMailPageEnabled } from "@/server/mail/dev-mail";
import { readStoredMail } from "@/server/mail/file-mailer";
import { getServices } from "@/server/services";

// GET /dev/mail/[id] — one message: its headers, its links, its text and its HTML
export default async function DevMailMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { config } = await getServices();
  if (!devMailPageEnabled(config)) notFound();
  const mail = await readStoredMail(config.mailer.dir, (await params).id);
  if (!mail) notFound();
  const links = [...new Set(mail.text.match(/https?:\/\/[^\s<>"]+/g) ?? [])];
  return (
    <article data-testid="dev-mail-message">
      <p className="mt-2">
        <Link href="/dev/mail" className="text-primary underline underline-offset-2">
          ← All mail
        </Link>
      </p>
      <h1 className="font-display mt-4 mb-4 text-2xl font-bold break-words">
        {mail.headers.subject}
      </h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
        {Object.entries(mail.headers).map(([name, value]) => (
          <div key={name} className="contents">
            <dt className="text-ink-muted">{name}</dt>
            <dd className="min-w-0 wrap-anywhere">{value}</dd>
          </div>
        ))}
      </dl>
      {links.length > 0 && (
        <>
          <h2 className="mt-6 mb-2 font-semibold">Links</h2>
          <ul className="flex flex-col gap-1" data-testid="dev-mail-links">
            {links.map((href) => (
              <li key={href} className="break-all">
                <a href={href} className="text-primary underline underline-offset-2">
                  {href}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2 className="mt-6 mb-2 font-semibold">HTML</h2>
      {/* sandbox="": the message's HTML runs nothing and navigates nowhere. */}
      <iframe
        title={`HTML of “${mail.headers.subject}”`}
        sandbox=""
        srcDoc={mail.html}
        className="border-line h-[28rem] w-full rounded-lg border bg-white"
      />
      <h2 className="mt-6 mb-2 font-semibold">Text</h2>
      <pre className="bg-surface-sunken rounded-lg p-3 text-sm break-words whitespace-pre-wrap">
        {mail.text}
      </pre>
    </article>
  );
}
