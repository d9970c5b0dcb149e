import type { Metadata } from "next";
import { EmailLinkPage } from "@/components/auth/email-link-page";

export const metadata: Metadata = {
  title: "Confirm your new email",
  description: "Move your AI Image Studio account to this address.",
  // The URL carries a one-time token: never indexed, never sent on as a referrer.
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default async function ConfirmEmailPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  return (
    <EmailLinkPage
      kind="change"
      token={token}
      title="Confirm your new email"
      description="Your account moves to this address once you confirm. Until then the old one stays in use."
    />
  );
}
