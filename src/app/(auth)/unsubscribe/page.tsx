import type { Metadata } from "next";
import Link from "next/link";
import { AuthHeading } from "@/components/auth/auth-frame";
import { UnsubscribeConfirm } from "@/components/notifications/unsubscribe-confirm";
import { Alert } from "@/components/ui/alert";
import type { PageSearchParams } from "@/server/pages/gallery-page-data";
import { loadUnsubscribeTarget } from "@/server/pages/unsubscribe-page-data";

export const metadata: Metadata = {
  title: "Email notifications",
  description: "Turn off AI Image Studio's email notifications.",
  // The URL is a signed, per-person link: never indexed, never sent on as a referrer.
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

// /unsubscribe?u=…&s=… — opened from a mail's footer. Asks first: nothing changes on GET.
export default async function UnsubscribePage({
  searchParams,
}: {
  searchParams: Promise<PageSearchParams>;
}) {
  const target = await loadUnsubscribeTarget(await searchParams);
  if (target.kind === "invalid") {
    return (
      <>
        <AuthHeading
          title="Email notifications"
          description="You can turn them on or off at any time in Settings."
        />
        <div className="flex flex-col gap-5">
          <Alert
            variant="warning"
            role="alert"
            title="This unsubscribe link does not work."
            data-testid="unsubscribe-invalid"
          >
            Open the link from the mail again, or copy all of it into the address bar. You can also
            log in and turn notifications off in Settings.
          </Alert>
          <Link
            href="/settings#preferences"
            className="text-primary text-center text-sm font-semibold underline-offset-4 hover:underline"
          >
            Go to Settings
          </Link>
        </div>
      </>
    );
  }
  return (
    <>
      <AuthHeading
        title="Email notifications"
        description={
          <>
            For{" "}
            <span className="text-ink font-semibold [overflow-wrap:anywhere]">
              {target.maskedEmail}
            </span>
            : a mail when images you queued offline, or left generating in a closed tab, are ready.
          </>
        }
      />
      <UnsubscribeConfirm u={target.u} s={target.s} alreadyOff={target.alreadyOff} />
    </>
  );
}
