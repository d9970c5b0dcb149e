import type { Metadata } from "next";
import Link from "next/link";
import { AuthHeading } from "@/components/auth/auth-frame";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Alert } from "@/components/ui/alert";
import { hasRecoverySession } from "@/server/auth/current-user";
import { LINK_INVALID, LINK_UNAVAILABLE } from "@/server/auth/mailed-links";

export const metadata: Metadata = {
  title: "Choose a new password",
  description: "Set a new password for your AI Image Studio account.",
  // The URL carries a one-time token: never indexed, never sent on as a referrer.
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

// Our own links carry "pr_" and 43 base64url characters; Supabase Auth's carry its token hash.
const TOKEN_SHAPE = /^(pr_[A-Za-z0-9_-]{43}|(pkce_)?[0-9a-f]{40,128})$/;

/** Why no form is shown: what /auth/confirm said of the link, or a link cut short. */
function linkProblem(error: unknown): { title: string; detail: string } {
  if (error === LINK_INVALID) {
    return {
      title: "This link does not work any more.",
      detail: "It was used, it expired, or a newer one was sent. Ask for a new link.",
    };
  }
  if (error === LINK_UNAVAILABLE) {
    return {
      title: "We could not check this link just now.",
      detail: "Open the link from the mail again in a minute.",
    };
  }
  return {
    title: "This link is incomplete.",
    detail: "Open the link from the mail again, or copy all of it into the address bar.",
  };
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
  return (
    <>
      <AuthHeading
        title="Choose a new password"
        description="Pick one you don't use anywhere else. Every device signed in to your account will be signed out."
      />
      {usable !== null || recovered ? (
        <ResetPasswordForm token={usable} />
      ) : (
        <div className="flex flex-col gap-5">
          <Alert
            variant="warning"
            role="alert"
            title={problem.title}
            data-testid="reset-link-incomplete"
          >
            {problem.detail}
          </Alert>
          <Link
            href="/forgot-password"
            className="text-primary text-center text-sm font-semibold underline-offset-4 hover:underline"
          >
            Ask for a new link
          </Link>
        </div>
      )}
    </>
  );
}
