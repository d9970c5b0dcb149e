import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { AuthHeading } from "@/components/auth/auth-frame";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Alert } from "@/components/ui/alert";
import { hasRecoverySession } from "@/server/auth/current-user";
import { LINK_INVALID, LINK_UNAVAILABLE } from "@/server/auth/mailed-links";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.reset");
  return {
    title: t("metaTitle"),
    description: t("metaDescription"),
    // The URL carries a one-time token: never indexed, never sent on as a referrer.
    robots: { index: false, follow: false },
    referrer: "no-referrer",
  };
}

// Our own links carry "pr_" and 43 base64url characters; Supabase Auth's carry its token hash.
const TOKEN_SHAPE = /^(pr_[A-Za-z0-9_-]{43}|(pkce_)?[0-9a-f]{40,128})$/;

/** Why no form is shown: what /auth/confirm said of the link, or a link cut short. */
function linkProblem(error: unknown) {
  if (error === LINK_INVALID) return { title: "invalidTitle", detail: "invalidDetail" } as const;
  if (error === LINK_UNAVAILABLE) {
    return { title: "unavailableTitle", detail: "unavailableDetail" } as const;
  }
  return { title: "incompleteTitle", detail: "incompleteDetail" } as const;
}

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token, error } = await searchParams;
  const usable = typeof token === "string" && TOKEN_SHAPE.test(token) ? token : null;
  // Supabase Auth's PKCE links arrive as a session /auth/confirm opened, with no token.
  const recovered = usable === null && error === undefined && (await hasRecoverySession());
  const problem = linkProblem(error);
  const t = await getTranslations("auth.reset");
  return (
    <>
      <AuthHeading title={t("title")} description={t("description")} />
      {usable !== null || recovered ? (
        <ResetPasswordForm token={usable} />
      ) : (
        <div className="flex flex-col gap-5">
          <Alert
            variant="warning"
            role="alert"
            title={t(problem.title)}
            data-testid="reset-link-incomplete"
          >
            {t(problem.detail)}
          </Alert>
          <Link
            href="/forgot-password"
            className="text-primary text-center text-sm font-semibold underline-offset-4 hover:underline"
          >
            {t("askNewLink")}
          </Link>
        </div>
      )}
    </>
  );
}
