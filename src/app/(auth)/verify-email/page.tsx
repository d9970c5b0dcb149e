import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmailLinkPage } from "@/components/auth/email-link-page";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.emailLink");
  return {
    title: t("verifyTitle"),
    description: t("verifyMetaDescription"),
    // The URL carries a one-time token: never indexed, never sent on as a referrer.
    robots: { index: false, follow: false },
    referrer: "no-referrer",
  };
}

export default async function VerifyEmailPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  const t = await getTranslations("auth.emailLink");
  return (
    <EmailLinkPage
      kind="verify"
      token={token}
      title={t("verifyTitle")}
      description={t("verifyDescription")}
    />
  );
}
