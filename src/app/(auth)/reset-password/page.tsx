import type { Metadata } from "next";
import Link from "next/link";
import { AuthHeading } from "@/components/auth/auth-frame";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { Alert } from "@/components/ui/alert";

export const metadata: Metadata = {
  title: "Choose a new password",
  description: "Set a new password for your AI Image Studio account.",
  // The URL carries a one-time token: never indexed, never sent on as a referrer.
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

const TOKEN_SHAPE = /^pr_[A-Za-z0-9_-]{43}$/;

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await searchParams;
  const usable = typeof token === "string" && TOKEN_SHAPE.test(token) ? token : null;
  return (
    <>
      <AuthHeading
        title="Choose a new password"
        description="Pick one you don't use anywhere else. Every device signed in to your account will be signed out."
      />
      {usable ? (
        <ResetPasswordForm token={usable} />
      ) : (
        <div className="flex flex-col gap-5">
          <Alert
            variant="warning"
            role="alert"
            title="This link is incomplete."
            data-testid="reset-link-incomplete"
          >
            Open the link from the mail again, or copy all of it into the address bar.
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
