import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AuthHeading } from "@/components/auth/auth-frame";
import { EmailLinkConfirm } from "@/components/auth/email-link-confirm";
import { Alert } from "@/components/ui/alert";

type LinkKind = "verify" | "change";

// Our own links carry "ev_" (verify) or "ec_" (change) and 43 base64url characters; Supabase
// Auth's carry its token hash.
const TOKEN_SHAPE: Record<LinkKind, RegExp> = {
  verify: /^(ev_[A-Za-z0-9_-]{43}|(pkce_)?[0-9a-f]{56})$/,
  change: /^(ec_[A-Za-z0-9_-]{43}|(pkce_)?[0-9a-f]{56})$/,
};

/**
 * The page a mailed email link opens (/verify-email, /confirm-email): its heading, and the
 * button that uses the token (opening the page changes nothing), or what to do when the link
 * arrived cut short.
 */
export async function EmailLinkPage({
  kind,
  token,
  title,
  description,
}: {
  kind: LinkKind;
  token: string | string[] | undefined;
  title: string;
  description: string;
}) {
  const usable = typeof token === "string" && TOKEN_SHAPE[kind].test(token) ? token : null;
  const t = await getTranslations("auth");
  return (
    <>
      <AuthHeading title={title} description={description} />
      {usable ? (
        <EmailLinkConfirm kind={kind} token={usable} />
      ) : (
        <div className="flex flex-col gap-5">
          <Alert
            variant="warning"
            role="alert"
            title={t("reset.incompleteTitle")}
            data-testid="email-link-incomplete"
          >
            {t("reset.incompleteDetail")}
          </Alert>
          <Link
            href="/generate"
            className="text-primary text-center text-sm font-semibold underline-offset-4 hover:underline"
          >
            {t("goToStudio")}
          </Link>
        </div>
      )}
    </>
  );
}
