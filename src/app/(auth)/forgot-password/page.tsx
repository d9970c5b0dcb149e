import type { Metadata } from "next";
import { AuthHeading } from "@/components/auth/auth-frame";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

export const metadata: Metadata = {
  title: "Forgot password",
  description: "Get a link by email to choose a new password for your AI Image Studio account.",
};

export default function ForgotPasswordPage() {
  return (
    <>
      <AuthHeading
        title="Forgot your password?"
        description="Enter the email you sign in with and we'll send you a link to choose a new one."
      />
      <ForgotPasswordForm />
    </>
  );
}
