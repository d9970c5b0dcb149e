import type { Metadata } from "next";
import { EmailLinkPage } from "@/components/auth/email-link-page";

export const metadata: Metadata = {
  title: "Confirm your email",
  description: "One click, and the address of your AI Image Studio account is confirmed.",
  // The URL carries a one-time token: never indexed, never sent on as a referrer.
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default async function VerifyEmailPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  return (
    <EmailLinkPage
      kind="verify"
      token={token}
      title="Confirm your email"
      description="Confirm that this address is yours."
    />
  );
}
