import type { Metadata } from "next";
import Link from "next/link";
import { AuthHeading } from "@/components/auth/auth-frame";
import { EmailLinkConfirm } from "@/components/auth/email-link-confirm";
import { Alert } from "@/components/ui/alert";

export const metadata: Metadata = {
  title: "Confirm your email",
  description: "One click, and the address of your AI Image Studio account is confirmed.",
  // The URL carries a one-time token: never indexed, never sent on as a referrer.
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

// Our own links carry "ev_" and 43 base64url characters; Supabase Auth's carry its token hash.
const TOKEN_SHAPE = /^(ev_[A-Za-z0-9_-]{43}|(pkce_)?[0-9a-f]{56})$/;

export default async function VerifyEmailPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  const usable = typeof token === "string" && TOKEN_SHAPE.test(token) ? token : null;
  return (
    <>
      <AuthHeading title="Confirm your email" description="Confirm that this address is yours." />
      {usable ? (
        <EmailLinkConfirm kind="verify" token={usable} />
      ) : (
        <div className="flex flex-col gap-5">
          <Alert
            variant="warning"
            role="alert"
            title="This link is incomplete."
            data-testid="email-link-incomplete"
          >
            Open the link from the mail again, or copy all of it into the address bar.
          </Alert>
          <Link
            href="/generate"
            className="text-primary text-center text-sm font-semibold underline-offset-4 hover:underline"
          >
            Go to the studio
          </Link>
        </div>
      )}
    </>
  );
}
