"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { PasswordInput } from "@/components/ui/password-input";
import type { ApiClientError } from "@/lib/api/errors";
import { TEXT_RULES } from "@/shared/limits";
import { AuthFormFrame } from "./auth-form-frame";
import { useAuthForm, type AuthErrorMapping } from "./use-auth-form";

const FIELDS = ["token", "password"] as const;
type ResetField = (typeof FIELDS)[number];
// A session a recovery link opened (Supabase Auth) stands in for the token.
const PASSWORD_ONLY: readonly ResetField[] = ["password"];
// The token is the link's; the server checks it. The password follows registration's rules.
const RULES = { token: { max: [256] }, password: TEXT_RULES.password } as const;

function mapResetError(error: ApiClientError): AuthErrorMapping<ResetField> | null {
  const fieldErrors = error.code === "VALIDATION_ERROR" ? error.fieldErrors() : {};
  if (fieldErrors.token) {
    return {
      formError: {
        title: "This link does not work any more.",
        detail:
          "It was used, it expired after 30 minutes, or a newer one was sent. Ask for a new link below.",
      },
    };
  }
  return null;
}

/**
 * Sets a new password with the mailed token (or the session its link opened, `token` null);
 * success leads to log in with it.
 */
export function ResetPasswordForm({ token }: { token: string | null }) {
  const { fieldErrors, formError, pending, onSubmit, clearFieldError } = useAuthForm({
    fields: token === null ? PASSWORD_ONLY : FIELDS,
    rules: RULES,
    endpoint: "/api/v1/auth/password/reset",
    // Every session ended with the reset: the new password is proven by logging in with it.
    destination: "/login?reset=done",
    mapError: mapResetError,
  });

  return (
    <AuthFormFrame
      kind="reset-password"
      formError={formError}
      onSubmit={onSubmit}
      clearFieldError={clearFieldError}
    >
      {token !== null && <input type="hidden" name="token" id="reset-token" value={token} />}
      <FormField
        label="New password"
        error={fieldErrors.password}
        hint="At least 8 characters. Setting it signs you out everywhere."
      >
        <PasswordInput name="password" autoComplete="new-password" />
      </FormField>
      <Button
        type="submit"
        size="lg"
        loading={pending}
        className="mt-1 w-full"
        data-testid="reset-password-submit"
      >
        Set the new password
      </Button>
      <p className="text-ink-muted text-center text-sm">
        Link not working?{" "}
        <Link
          href="/forgot-password"
          className="text-primary font-semibold underline-offset-4 hover:underline"
        >
          Ask for a new one
        </Link>
      </p>
    </AuthFormFrame>
  );
}
