import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { AuthHeading } from "@/components/auth/auth-frame";
import { UnsubscribeConfirm } from "@/components/notifications/unsubscribe-confirm";
import { Alert } from "@/components/ui/alert";
import type { PageSearchParams } from "@/server/pages/gallery-page-data";
import { loadUnsubscribeTarget } from "@/server/pages/unsubscribe-page-data";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.unsubscribe");
  return {
    title: t("title"),
    description: t("metaDescription"),
    // The URL is a signed, per-person link: never indexed, never sent on as a referrer.
    robots: { index: false, follow: false },
    referrer: "no-referrer",
  };
}

// /unsubscribe?u=…&s=… — opened from a mail's footer. Asks first: nothing changes on GET.
export default async function UnsubscribePage({
  searchParams,
}: {
  searchParams: Promise<PageSearchParams>;
}) {
  const target = await loadUnsubscribeTarget(await searchParams);
  const t = await getTranslations("auth.unsubscribe");
  if (target.kind === "invalid") {
    return (
      <>
        <AuthHeading title={t("title")} description={t("settingsHint")} />
        <div className="flex flex-col gap-5">
          <Alert
            variant="warning"
            role="alert"
            title={t("invalidTitle")}
            data-testid="unsubscribe-invalid"
          >
            {t("invalidDetail")}
          </Alert>
          <Link
            href="/settings#preferences"
            className="text-primary text-center text-sm font-semibold underline-offset-4 hover:underline"
          >
            {t("goToSettings")}
          </Link>
        </div>
      </>
    );
  }
  return (
    <>
      <AuthHeading
        title={t("title")}
        description={t.rich("forEmail", {
          email: target.maskedEmail,
          strong: (chunks) => (
            <span className="text-ink font-semibold [overflow-wrap:anywhere]">{chunks}</span>
          ),
        })}
      />
      <UnsubscribeConfirm u={target.u} s={target.s} alreadyOff={target.alreadyOff} />
    </>
  );
}
