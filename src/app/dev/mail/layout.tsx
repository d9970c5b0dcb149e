import type { Metadata } from "next";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { devMailPageEnabled } from "@/server/mail/dev-mail";
import { getServices } from "@/server/services";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "Mail (development)",
  robots: { index: false, follow: false },
};

/**
 * The embedded mailer's inbox, for the developer. It holds reset and verification links, so
 * it exists only with the embedded mailer and never under NODE_ENV=production: anything
 * deployed answers 404 here.
 */
export default async function DevMailLayout({ children }: { children: ReactNode }) {
  const { config } = await getServices();
  if (!devMailPageEnabled(config)) notFound();
  return (
    <main id="main" className="bg-canvas text-ink mx-auto min-h-dvh w-full max-w-3xl px-4 py-8">
      <p className="text-ink-muted text-sm">
        Development only: the mail the studio would have sent, kept under DATA_DIR/mail.
      </p>
      {children}
    </main>
  );
}
